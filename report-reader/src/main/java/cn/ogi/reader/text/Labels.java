package cn.ogi.reader.text;

/**
 * Fuzzy comparison of printed labels with the form's labels. Printed labels carry typos ({@code 其他法律行政止公开}),
 * OCR look-alikes, fragments of neighbouring labels and vertical group labels split into single characters, so a
 * label is scored by how much of the form's label it contains in order (longest common subsequence).
 */
public final class Labels {

    /** Scores below this are not a match. */
    public static final double THRESHOLD = 0.5;
    /** Scores at or above this need no fuzzy-label note. */
    public static final double EXACT = 0.999;
    /** Only the tail of a long accumulated label is compared: a row's own label is printed last. */
    private static final int MAX_OBSERVED = 120;

    private Labels() {}

    /** How much of {@code wanted} (compact) appears in order in {@code observed} (compact), in [0, 1]. */
    public static double score(String wanted, String observed) {
        if (wanted.isEmpty() || observed.isEmpty()) {
            return 0;
        }
        if (observed.contains(wanted)) {
            return 1;
        }
        String o = observed.length() > MAX_OBSERVED ? observed.substring(observed.length() - MAX_OBSERVED) : observed;
        if (o.length() >= 8 && o.length() < wanted.length()) {
            // a long label wrapped onto the next line: the row prints its beginning
            String start = wanted.substring(0, Math.min(wanted.length(), o.length() + 2));
            if (lcs(start, o) >= 0.9 * o.length() && o.charAt(0) == wanted.charAt(0)) {
                return 0.85;
            }
        }
        int lcs = lcs(wanted, o);
        // short labels ("3其他") must not match any long text that happens to contain their characters
        return (double) lcs / Math.max(wanted.length(), 6)
                - 0.15 * Math.max(0, o.length() - 2 * wanted.length() - 20) / (double) MAX_OBSERVED;
    }

    /**
     * The length of the longest common subsequence of {@code a} and {@code b}. Where the shorter is at most 64
     * characters (every form label), bit-parallel over its positions (Allison–Dix, as Hyyrö writes it: one word
     * operation per character of the longer); otherwise by the table, a row at a time.
     */
    public static int lcs(String a, String b) {
        boolean aShorter = a.length() <= b.length();
        String pattern = aShorter ? a : b;
        String text = aShorter ? b : a;
        if (pattern.isEmpty()) {
            return 0;
        }
        if (pattern.length() > Long.SIZE) {
            return byTable(pattern, text);
        }
        // the positions of each character in the pattern, in a small open-addressed table
        int slots = Integer.highestOneBit(pattern.length() * 2 - 1) << 1;
        char[] keys = new char[slots];
        long[] masks = new long[slots];
        boolean[] used = new boolean[slots];
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int at = slot(c, slots);
            while (used[at] && keys[at] != c) {
                at = (at + 1) & (slots - 1);
            }
            used[at] = true;
            keys[at] = c;
            masks[at] |= 1L << i;
        }
        long v = -1L;
        for (int j = 0; j < text.length(); j++) {
            char c = text.charAt(j);
            int at = slot(c, slots);
            while (used[at] && keys[at] != c) {
                at = (at + 1) & (slots - 1);
            }
            if (used[at]) {
                long u = v & masks[at];
                v = (v + u) | (v - u);
            }
        }
        long low = pattern.length() == Long.SIZE ? -1L : (1L << pattern.length()) - 1;
        return pattern.length() - Long.bitCount(v & low);
    }

    private static int slot(char c, int slots) {
        return (c * 0x9E37) >>> 3 & (slots - 1);
    }

    private static int byTable(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = ca == b.charAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t; // cur[0] stays 0; every other cell is written before it is read
        }
        return prev[b.length()];
    }

    /**
     * Whether {@code text} (compact) prints {@code wanted} (compact): exactly, or in some stretch of it that matches
     * at least {@code minScore} (typos, look-alike characters of an OCR).
     */
    public static boolean mentions(String text, String wanted, double minScore) {
        if (text.contains(wanted)) {
            return true;
        }
        int w = wanted.length() + 4;
        for (int from = 0; from < text.length(); from += Math.max(1, wanted.length() / 3)) {
            if (score(wanted, text.substring(from, Math.min(text.length(), from + w))) >= minScore) {
                return true;
            }
            if (from + w >= text.length()) {
                break;
            }
        }
        return false;
    }

    /**
     * Letters and digits only ({@link Normalizer#compact}), for comparing labels; a total printed as 合计, as many
     * publishers call it, is the form's 总计.
     */
    public static String compact(CharSequence s) {
        return Normalizer.compact(s).replace("合计", "总计");
    }
}
