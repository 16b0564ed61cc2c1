package cn.ogi.intake.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzy matching of printed row labels against the form's labels. Printed labels carry typos
 * ({@code 其他法律行政止公开}), wrapped fragments of neighbouring labels and vertical group labels split into
 * single characters, so a label is scored by how much of the form's label it contains in order (longest common
 * subsequence), and the rows of a table are aligned in their fixed order.
 */
final class LabelMatcher {

    /** Scores below this are not a match. */
    static final double THRESHOLD = 0.5;
    /** Scores at or above this are an exact enough match to need no fuzzy-label note. */
    static final double EXACT = 0.999;
    /** Only the tail of a long accumulated label is compared: the row's own label is printed last. */
    private static final int MAX_OBSERVED = 120;

    private LabelMatcher() {}

    /** How much of {@code wanted} (compact) appears in order in {@code observed} (compact), in [0, 1]. */
    static double score(String wanted, String observed) {
        if (wanted.isEmpty() || observed.isEmpty()) {
            return 0;
        }
        if (observed.contains(wanted)) {
            return 1;
        }
        String o = observed.length() > MAX_OBSERVED ? observed.substring(observed.length() - MAX_OBSERVED) : observed;
        int lcs = lcs(wanted, o);
        // short labels ("3其他") must not match any long text that happens to contain their characters
        return (double) lcs / Math.max(wanted.length(), 6)
                - 0.15 * Math.max(0, o.length() - 2 * wanted.length() - 20) / (double) MAX_OBSERVED;
    }

    static int lcs(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = ca == b.charAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
            Arrays.fill(cur, 0);
        }
        return prev[b.length()];
    }

    /**
     * Aligns observed labels with the form's labels, both in print order, maximising the total score; each
     * observed label matches at most one form row and vice versa.
     *
     * @return for each wanted label, the index of the observed label matched to it, or -1
     */
    static int[] align(List<List<String>> wanted, List<String> observed) {
        int n = wanted.size();
        int m = observed.size();
        double[][] s = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double best = 0;
                for (String w : wanted.get(j)) {
                    best = Math.max(best, score(w, observed.get(i)));
                }
                s[i][j] = best;
            }
        }
        double[][] dp = new double[m + 1][n + 1];
        for (int i = 1; i <= m; i++) {
            for (int j = 1; j <= n; j++) {
                double v = Math.max(dp[i - 1][j], dp[i][j - 1]);
                if (s[i - 1][j - 1] >= THRESHOLD) {
                    v = Math.max(v, dp[i - 1][j - 1] + s[i - 1][j - 1]);
                }
                dp[i][j] = v;
            }
        }
        int[] match = new int[n];
        Arrays.fill(match, -1);
        int i = m;
        int j = n;
        while (i > 0 && j > 0) {
            if (s[i - 1][j - 1] >= THRESHOLD && dp[i][j] == dp[i - 1][j - 1] + s[i - 1][j - 1]) {
                match[j - 1] = i - 1;
                i--;
                j--;
            } else if (dp[i][j] == dp[i - 1][j]) {
                i--;
            } else {
                j--;
            }
        }
        return match;
    }

    /** The best score of any of the wanted labels against the observed one. */
    static double best(List<String> wanted, String observed) {
        double best = 0;
        for (String w : wanted) {
            best = Math.max(best, score(w, observed));
        }
        return best;
    }

    static List<String> compactAll(List<String> labels) {
        List<String> out = new ArrayList<>(labels.size());
        for (String l : labels) {
            out.add(TextNormalizer.compact(l));
        }
        return out;
    }
}
