package cn.ogi.reader.table;

import cn.ogi.reader.text.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Matches printed rows with the form's rows, both in print order, by dynamic programming. A printed row whose own
 * label names a form row scores high for it; a row printed without a label of its own (a Markdown conversion
 * that detached the labels, a pdftotext line whose label wrapped onto the lines around it) can stand for any form
 * row in its place in the order, scoring lower; a row whose own label clearly names another form row never
 * stands for this one; a row that cannot hold the form row's number of cells never matches it.
 */
final class RowAlignment {

    private static final double NEVER = Double.NEGATIVE_INFINITY;
    /** An own label that matches some form row this well is that row's. */
    private static final double CLEARLY = 0.7;

    private RowAlignment() {}

    /** Matches printed rows with the form's rows; for each spec, the index of the observed row, or -1. */
    static int[] align(List<RowSpec> specs, List<ObservedRow> rows, boolean invisibleBlanks) {
        return bestPath(scores(specs, rows, invisibleBlanks), rows.size(), specs.size());
    }

    /** How well each printed row {@code i} stands for each form row {@code j} ({@link #NEVER}: it cannot). */
    private static double[][] scores(List<RowSpec> specs, List<ObservedRow> rows, boolean invisibleBlanks) {
        int n = specs.size();
        int m = rows.size();
        double[][] v = new double[m][n];
        for (int i = 0; i < m; i++) {
            ObservedRow row = rows.get(i);
            double clearly = 0;
            double[] own = ownScores(specs, row.own());
            for (int j = 0; j < n; j++) {
                clearly = Math.max(clearly, own[j]);
            }
            boolean meaningful = cjk(row.own()) >= 2;
            for (int j = 0; j < n; j++) {
                int k = specs.get(j).cells().size();
                if (!fits(row, k, invisibleBlanks)) {
                    v[i][j] = NEVER;
                    continue;
                }
                double pending = best(specs.get(j).labels(), row.pending() + row.own());
                if (row.numbers() == 0 && !row.own().isEmpty() && own[j] < Labels.THRESHOLD) {
                    v[i][j] = NEVER; // empty cells beside a label that is no row's: a header's padding
                } else if (own[j] >= Labels.THRESHOLD) {
                    v[i][j] = 1 + own[j];
                } else if (meaningful && clearly >= CLEARLY) {
                    v[i][j] = NEVER;
                } else if (pending >= Labels.THRESHOLD) {
                    v[i][j] = 1 + 0.6 * pending;
                } else {
                    // no label says which row this is: its place in the order does
                    double share = Math.min(1.0, (double) row.values().size() / k);
                    v[i][j] = 0.5 + 0.4 * share + 0.1 * Math.max(own[j], pending);
                }
            }
        }
        return v;
    }

    /** The matching in order of {@code m} printed rows with {@code n} form rows that scores highest. */
    private static int[] bestPath(double[][] v, int m, int n) {
        double[][] dp = new double[m + 1][n + 1];
        // the step taken into each cell: 0 skip a printed row, 1 leave a form row unmatched, 2 match them
        byte[][] step = new byte[m + 1][n + 1];
        for (int i = 1; i <= m; i++) {
            for (int j = 1; j <= n; j++) {
                double best = dp[i - 1][j];
                byte how = 0;
                if (dp[i][j - 1] > best) {
                    best = dp[i][j - 1];
                    how = 1;
                }
                if (v[i - 1][j - 1] != NEVER && dp[i - 1][j - 1] + v[i - 1][j - 1] > best) {
                    best = dp[i - 1][j - 1] + v[i - 1][j - 1];
                    how = 2;
                }
                dp[i][j] = best;
                step[i][j] = how;
            }
        }
        int[] match = new int[n];
        Arrays.fill(match, -1);
        int i = m;
        int j = n;
        while (i > 0 && j > 0) {
            if (step[i][j] == 2) {
                match[j - 1] = i - 1;
                i--;
                j--;
            } else if (step[i][j] == 0) {
                i--;
            } else {
                j--;
            }
        }
        return match;
    }

    /**
     * Between two rows matched by their own labels (or a table's ends), rows printed without a label of their own
     * stand for the form's rows in order — if there are exactly as many of them as form rows there, whatever text
     * lies around them (a conversion that detached the labels puts them anywhere); otherwise which is which is
     * unknown. Rewrites {@code match} accordingly.
     *
     * @return for each spec, whether its row cannot be told (its cells are then unknown)
     */
    static boolean[] enforceOrder(List<RowSpec> specs, List<ObservedRow> rows, int[] match, boolean invisibleBlanks) {
        int n = specs.size();
        boolean[] out = new boolean[n];
        int lastSpec = -1;
        int lastRow = -1;
        for (int j = 0; j <= n; j++) {
            boolean anchor = j == n
                    || (match[j] >= 0 && ownScores(specs, rows.get(match[j]).own())[j] >= CLEARLY);
            if (!anchor) {
                continue;
            }
            int rowEnd = j == n ? rows.size() : match[j];
            List<Integer> printed = new ArrayList<>();
            for (int i = lastRow + 1; i < rowEnd; i++) {
                int k = specs.get(Math.min(Math.max(lastSpec + 1, 0), n - 1))
                        .cells()
                        .size();
                if (fits(rows.get(i), k, invisibleBlanks) && !clearlyOther(specs, rows.get(i))) {
                    printed.add(i);
                }
            }
            int formRows = j - lastSpec - 1;
            for (int s = lastSpec + 1; s < j; s++) {
                if (printed.size() == formRows) {
                    match[s] = printed.get(s - lastSpec - 1);
                } else {
                    out[s] = true;
                    match[s] = -1;
                }
            }
            lastSpec = j;
            lastRow = rowEnd;
        }
        return out;
    }

    /** A row whose own label names some form row well: it is that row's, wherever it stands. */
    private static boolean clearlyOther(List<RowSpec> specs, ObservedRow row) {
        if (row.own().isEmpty()) {
            return false;
        }
        for (RowSpec s : specs) {
            if (best(s.labels(), row.own()) >= CLEARLY) {
                return true;
            }
        }
        return false;
    }

    /** The matched rows per spec (null where none). */
    static List<ObservedRow> matched(int[] match, List<ObservedRow> rows) {
        List<ObservedRow> out = new ArrayList<>(match.length);
        for (int m : match) {
            out.add(m < 0 ? null : rows.get(m));
        }
        return out;
    }

    /**
     * How well a row's own label names each form row. Run-together labels carry the labels of rows printed
     * without numbers before them ({@code 规章行政规范性文件008}): the label printed last, right before the numbers,
     * is the row's; a form row whose label only appears earlier in the text is not this row.
     */
    static double[] ownScores(List<RowSpec> specs, String own) {
        int n = specs.size();
        double[] scores = new double[n];
        int owner = -1;
        int ownerEnd = -1;
        int ownerLength = 0;
        for (int j = 0; j < n; j++) {
            scores[j] = best(specs.get(j).labels(), own);
            for (String l : specs.get(j).labels()) {
                int at = own.lastIndexOf(l);
                if (at >= 0) {
                    int end = at + l.length();
                    if (end > ownerEnd || (end == ownerEnd && l.length() > ownerLength)) {
                        owner = j;
                        ownerEnd = end;
                        ownerLength = l.length();
                    }
                }
            }
        }
        if (owner >= 0) {
            for (int j = 0; j < n; j++) {
                if (j != owner && scores[j] >= Labels.THRESHOLD) {
                    scores[j] = Math.min(scores[j], Labels.THRESHOLD - 0.05);
                }
            }
        }
        return scores;
    }

    static double best(List<String> labels, String observed) {
        double best = 0;
        for (String l : labels) {
            best = Math.max(best, Labels.score(l, observed));
        }
        return best;
    }

    /** Can the row's printed tokens be {@code k} cells? */
    static boolean fits(ObservedRow row, int k, boolean invisibleBlanks) {
        int numbers = 0;
        int fixed = 0;
        int trailing = 0;
        int weak = 0;
        int digits = 0;
        for (Token t : row.values()) {
            switch (t.type()) {
                case NUMBER -> {
                    numbers++;
                    digits += t.text().length();
                    if (t.weakBefore()) {
                        weak++;
                    }
                }
                case BLANK, MERGED -> fixed++;
                case TRAILING -> trailing++;
                default -> {}
            }
        }
        if (numbers == 0) {
            return fixed + trailing >= k && fixed <= k && (fixed > 0 || trailing >= k);
        }
        int min = numbers - weak + fixed;
        int max = digits + fixed + trailing;
        return min <= k && (invisibleBlanks || k <= max);
    }

    private static int cjk(String s) {
        int c = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '\u3400' && s.charAt(i) <= '\u9fff') {
                c++;
            }
        }
        return c;
    }
}
