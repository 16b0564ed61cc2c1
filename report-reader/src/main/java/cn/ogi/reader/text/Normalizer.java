package cn.ogi.reader.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings scraped text to one form before anything is matched: one line separator, no control characters,
 * half-width digits and punctuation, circled item numbers as numbers ({@code ②} → {@code 2.}), pinyin glosses removed ({@code 號(hào)} → {@code 号}) and Traditional
 * characters folded to Simplified, so that labels, agency names and prose patterns are written once. A radical
 * standing for a whole character becomes that character: the text layer of a PDF exported by a word processor often
 * gives 行 as the Kangxi radical ⾏ (U+2F8F) and 门 as ⻔ (U+2ED4), which look the same on the page.
 */
public final class Normalizer {

    /** A pinyin gloss scrapers insert after a character: latin letters with tone marks in parentheses. */
    private static final Pattern PINYIN_GLOSS =
            Pattern.compile("([\\u3400-\\u9fff])\\(([a-zA-Z\\u00C0-\\u024F\\u0300-\\u036F]{1,8})\\)");

    private static final Map<Character, Character> TRADITIONAL = loadFolding();

    /**
     * The CJK Radicals Supplement's radicals that are also whole characters, each with that character (Unicode gives
     * them no compatibility mapping); Kangxi radicals and compatibility ideographs have one (NFKC).
     */
    private static final String RADICALS_SUPPLEMENT =
            "⺟母⺠民⺩王⻁虎⻄西⻅见⻆角⻉贝⻋车⻑長⻓长⻔门⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟";

    /** The circled numbers ① to ⑳ that some publishers number a table's items with. */
    private static final char CIRCLED_FIRST = '\u2460';

    private static final char CIRCLED_LAST = '\u2473';
    private static final char RADICALS_FIRST = '\u2E80';
    private static final char RADICALS_LAST = '\u2FDF';
    private static final char COMPATIBILITY_FIRST = '\uF900';
    private static final char COMPATIBILITY_LAST = '\uFAFF';
    private static final char[] RADICALS = characters(RADICALS_FIRST, RADICALS_LAST);
    private static final char[] COMPATIBILITY = characters(COMPATIBILITY_FIRST, COMPATIBILITY_LAST);

    private static final Pattern OCR_NUMBER = Pattern.compile("(?<![A-Za-z])[0-9OolI]*[0-9][0-9OolI]*(?![A-Za-z])");
    /** An O or l standing alone between digits a single space away on each side ({@code 2 7 l 0}): a digit. */
    private static final Pattern OCR_LONE_DIGIT = Pattern.compile("(?<=[0-9] )[OolI](?= [0-9])");

    private Normalizer() {}

    public static String normalize(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    continue;
                }
                sb.append('\n');
            } else if (c == '\n' || c == '\f') {
                sb.append(c); // a form feed ends a page (pdftotext)
            } else if (c == '\t') {
                sb.append("  "); // a tab separates cells, like a wide gap
            } else if (c >= '\uFF01' && c <= '\uFF5E') {
                sb.append((char) (c - 0xFEE0));
            } else if (c == '\u3000' || c == '\u00A0' || c == '\u2002' || c == '\u2003') {
                sb.append(' ');
            } else if (Character.isISOControl(c) || c == '\uFEFF' || c == '\u200B' || c == '\u200C' || c == '\u200D') {
                // dropped: invisible scrape debris
            } else if (c >= RADICALS_FIRST && c <= RADICALS_LAST) {
                sb.append(RADICALS[c - RADICALS_FIRST]);
            } else if (c >= COMPATIBILITY_FIRST && c <= COMPATIBILITY_LAST) {
                sb.append(COMPATIBILITY[c - COMPATIBILITY_FIRST]);
            } else if (c >= CIRCLED_FIRST && c <= CIRCLED_LAST) {
                sb.append(c - CIRCLED_FIRST + 1).append('.'); // an item numbered ② is item 2.
            } else if (c == '\uFF5F' || c == '\u3010') {
                sb.append('[');
            } else if (c == '\u3011') {
                sb.append(']');
            } else {
                sb.append(c);
            }
        }
        String halfWidth = PINYIN_GLOSS.matcher(sb).replaceAll("$1");
        return fold(halfWidth);
    }

    /** Traditional → Simplified, character by character. */
    public static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            Character simplified = c >= '\u3400' ? TRADITIONAL.get(c) : null;
            sb.append(simplified == null ? c : simplified);
        }
        return sb.toString();
    }

    /**
     * Letters and digits only: drops spaces, punctuation, brackets and quotes, so that {@code （一）予以公开},
     * {@code (一) 予以公开} and {@code 一、予以公开} compare equal. Used for label matching only.
     */
    public static String compact(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) && c != '\uFFFD') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public static boolean isCjk(char c) {
        return c >= '\u3400' && c <= '\u9fff';
    }

    public static boolean isCjkCodePoint(int c) {
        return c >= 0x3400 && c <= 0x9fff;
    }

    /** The character each of {@code first..last} stands for: its NFKC form where that is one character, else itself. */
    private static char[] characters(char first, char last) {
        char[] table = new char[last - first + 1];
        for (char c = first; c <= last; c++) {
            String compatible = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFKC);
            table[c - first] = compatible.length() == 1 ? compatible.charAt(0) : c;
        }
        for (int i = 0; i + 1 < RADICALS_SUPPLEMENT.length(); i += 2) {
            char radical = RADICALS_SUPPLEMENT.charAt(i);
            if (radical >= first && radical <= last) {
                table[radical - first] = RADICALS_SUPPLEMENT.charAt(i + 1);
            }
        }
        return table;
    }

    private static Map<Character, Character> loadFolding() {
        Map<Character, Character> map = new HashMap<>(4096);
        try (InputStream in = Normalizer.class.getResourceAsStream("/reader/t2s.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource /reader/t2s.txt is missing from the classpath");
            }
            String table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : table.split("\n", -1)) {
                if (line.startsWith("#")) {
                    continue;
                }
                String pairs = line.strip();
                for (int i = 0; i + 1 < pairs.length(); i += 2) {
                    map.put(pairs.charAt(i), pairs.charAt(i + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }

    /** Words of digits with O/o/l/I among them (OCR) become digits: {@code 1O3} → {@code 103}. */
    public static String ocrDigits(String original) {
        String s = original;
        Matcher lone = OCR_LONE_DIGIT.matcher(s);
        if (lone.find()) {
            StringBuilder sb = new StringBuilder(s);
            do {
                char c = s.charAt(lone.start());
                sb.setCharAt(lone.start(), c == 'O' || c == 'o' ? '0' : '1');
            } while (lone.find());
            s = sb.toString();
        }
        Matcher m = OCR_NUMBER.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int last = 0;
        m.reset();
        while (m.find()) {
            sb.append(s, last, m.start());
            sb.append(m.group()
                    .replace('O', '0')
                    .replace('o', '0')
                    .replace('l', '1')
                    .replace('I', '1'));
            last = m.end();
        }
        sb.append(s, last, s.length());
        return sb.toString();
    }
}
