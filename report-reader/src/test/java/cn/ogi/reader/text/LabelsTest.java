package cn.ogi.reader.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelsTest {

    /** The longest common subsequence by its definition's table, to check the bit-parallel one against. */
    private static int reference(String a, String b) {
        int[][] t = new int[a.length() + 1][b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                t[i][j] = a.charAt(i - 1) == b.charAt(j - 1) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t[a.length()][b.length()];
    }

    private static String random(Random rnd, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Test
    void theLongestCommonSubsequenceIsTheTablesOnEveryLengthAroundAWord() {
        Random rnd = new Random(20261203);
        String[] alphabets = {"ab", "政府信息公开申请", "0123456789本年新收结转", "行政复议诉讼维持纠正其他结果尚未审结总计一二三四五六七八九十"};
        for (int n = 0; n < 20_000; n++) {
            String alphabet = alphabets[n % alphabets.length];
            // lengths across 64, where the pattern stops fitting one word and the table takes over
            String a = random(rnd, alphabet, rnd.nextInt(n % 3 == 0 ? 130 : 70));
            String b = random(rnd, alphabet, rnd.nextInt(130));
            assertEquals(reference(a, b), Labels.lcs(a, b), () -> a + " / " + b);
            assertEquals(reference(a, b), Labels.lcs(b, a), () -> b + " / " + a);
        }
    }

    @Test
    void edgeLengths() {
        String sixtyFour = "政".repeat(32) + "府".repeat(32);
        assertEquals(64, Labels.lcs(sixtyFour, sixtyFour + "公开"));
        assertEquals(32, Labels.lcs(sixtyFour, "府".repeat(40)));
        assertEquals(0, Labels.lcs("", "政府"));
        assertEquals(0, Labels.lcs("申请", ""));
        assertEquals(1, Labels.lcs("政", "信息公开政"));
        assertEquals(65, Labels.lcs(sixtyFour + "息", "x" + sixtyFour + "息"));
    }
}
