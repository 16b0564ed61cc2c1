package cn.ogi.reader.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a table's columns are on the line, learnt from its rows that print a number in every column (pdftotext
 * layouts and PDFs, where an empty cell is invisible): for the other rows, each number's position tells which
 * column — or which columns, when digits of neighbouring columns ran together — it can be in.
 */
final class ColumnModel {

    /** No positions: every column a number could be in is allowed. */
    static final ColumnModel NONE = new ColumnModel(java.util.Map.of());
    /** Rows needed before positions are trusted. */
    private static final int MIN_ROWS = 2;

    /** Column centres per page (each page of a layout has its own margins). */
    private final java.util.Map<Integer, double[]> pages;

    private ColumnModel(java.util.Map<Integer, double[]> pages) {
        this.pages = pages;
    }

    static ColumnModel of(List<RowSpec> specs, List<ObservedRow> matched) {
        return of(specs, matched, java.util.Map.of());
    }

    /**
     * The column model of a table's matched rows, falling back to its header's positions.
     *
     * @param headers column centres per page read from the table's header (the column labels' positions), used on
     *                pages where too few rows print a number in every column
     */
    static ColumnModel of(List<RowSpec> specs, List<ObservedRow> matched, java.util.Map<Integer, double[]> headers) {
        FullRows rows = FullRows.of(specs, matched);
        if (rows == null) {
            return NONE;
        }
        int k = rows.cells();
        java.util.Map<Integer, List<double[]>> full = rows.byPage();
        java.util.Map<Integer, double[]> pages = new java.util.HashMap<>();
        for (var h : headers.entrySet()) {
            if (h.getValue().length == k && fits(h.getValue(), matched, h.getKey())) {
                pages.put(h.getKey(), h.getValue());
            }
        }
        for (var e : full.entrySet()) {
            double[] centers = centers(e.getValue(), k);
            if (centers != null) {
                pages.put(e.getKey(), centers);
            }
        }
        // a page the table continues on without its header or enough full rows keeps the columns of the page
        // before it, where its numbers stand in them (the same template, the same margins)
        java.util.TreeSet<Integer> rowPages = new java.util.TreeSet<>();
        for (ObservedRow row : matched) {
            if (row != null && !row.values().isEmpty()) {
                rowPages.add(row.page());
            }
        }
        for (int page : rowPages) {
            if (!pages.containsKey(page)) {
                Integer before = new java.util.TreeSet<>(pages.keySet()).lower(page);
                if (before != null && fits(pages.get(before), matched, page)) {
                    pages.put(page, pages.get(before));
                }
            }
        }
        // the numbers themselves say where their columns are: each centre moves to the middle of the numbers
        // nearest to it (a header's label may be centred over numbers printed to the right)
        for (var e : pages.entrySet()) {
            e.setValue(refine(e.getValue(), matched, e.getKey()));
        }
        pages.keySet().removeIf(rows::followLabels);
        return new ColumnModel(pages);
    }

    /**
     * The columns of a table without rules or a measured header (Table 1 in a character layout), learnt from its
     * rows alone — trusted only where they cannot mislead: a page's columns come from rows that print a number in
     * every column, each a run of two or more spaces from the next (a single space may be one inside a number, and
     * an OCR space splitting a number makes a row look full), the full rows agree with one another, and every number
     * printed on the page stands near one of the columns. Anything else: no positions.
     */
    static ColumnModel ofSpacedFullRows(List<RowSpec> specs, List<ObservedRow> matched) {
        FullRows rows = FullRows.of(specs, matched);
        if (rows == null) {
            return NONE;
        }
        int k = rows.cells();
        java.util.Map<Integer, List<double[]>> full = rows.byPage();
        java.util.Map<Integer, double[]> pages = new java.util.HashMap<>();
        for (var e : full.entrySet()) {
            double[] centers = centers(e.getValue(), k, 1);
            if (centers != null
                    && agree(e.getValue(), centers)
                    && fits(centers, matched, e.getKey())
                    && !rows.followLabels(e.getKey())) {
                pages.put(e.getKey(), centers);
            }
        }
        return pages.isEmpty() ? NONE : new ColumnModel(pages);
    }

    /**
     * The centres of the numbers of each row that prints one in every column, by page — only rows whose numbers are
     * each set off by more than a single space (a number a single space from the one before may be one number with
     * an OCR space inside, {@code 1 3820}: such a row only looks full).
     *
     * @param cells   the rows' width
     * @param byPage  for each page, one array of centres per full row
     * @param labelled for each page, every row with its own label placed: where the label ends, the distance from
     *                 there to its first number, and 1 for a full row (else 0)
     */
    private record FullRows(
            int cells, java.util.Map<Integer, List<double[]>> byPage, java.util.Map<Integer, List<double[]>> labelled) {

        /** Do the page's numbers stand where their labels end rather than in columns ({@link #followLabels})? */
        boolean followLabels(int page) {
            return ColumnModel.followLabels(labelled.getOrDefault(page, List.of()));
        }

        /** The full rows of a table's matched rows; null when its rows differ in width or have fewer than two cells. */
        static FullRows of(List<RowSpec> specs, List<ObservedRow> matched) {
            int k = -1;
            java.util.Map<Integer, List<double[]>> full = new java.util.HashMap<>();
            java.util.Map<Integer, List<double[]>> labelled = new java.util.HashMap<>();
            for (int s = 0; s < specs.size(); s++) {
                ObservedRow row = matched.get(s);
                if (row == null) {
                    continue;
                }
                int cells = specs.get(s).cells().size();
                if (k >= 0 && cells != k) {
                    return null; // rows of different widths do not share columns
                }
                k = cells;
                List<Token> values = row.values();
                if (values.size() == cells
                        && values.stream()
                                .allMatch(t -> t.type() == Token.Type.NUMBER && t.positioned() && !t.weakBefore())) {
                    double[] c = new double[cells];
                    for (int i = 0; i < cells; i++) {
                        c[i] = values.get(i).center();
                    }
                    full.computeIfAbsent(row.page(), p -> new ArrayList<>()).add(c);
                }
                addLabelled(row, cells, labelled.computeIfAbsent(row.page(), p -> new ArrayList<>()));
            }
            return k < 2 ? null : new FullRows(k, full, labelled);
        }
    }

    /**
     * Does a text print its numbers where their labels end rather than in columns? In a text whose cells are only
     * separated by gaps (a table copied with tabs or spaces between its cells, its empty cells gone), every full row
     * prints its first number the same distance after its label, wherever the label ends, and a row with fewer
     * numbers that distance or a multiple of it; in a layout of columns the numbers stay in their columns and that
     * distance changes with the label. Such positions say nothing about columns. Judged on Table 2's rows, whose
     * width is always {@code cells}, for the whole text (its other tables have too few rows to tell).
     */
    static boolean followLabels(List<ObservedRow> rows, int cells) {
        List<double[]> labelled = new ArrayList<>();
        for (ObservedRow row : rows) {
            addLabelled(row, cells, labelled);
        }
        return followLabels(labelled);
    }

    /** Adds the row's label end, the distance from it to the first number, and 1 for a full row (else 0). */
    private static void addLabelled(ObservedRow row, int cells, List<double[]> out) {
        List<Token> values = row.values();
        if (!Double.isNaN(row.ownEnd()) && !values.isEmpty() && values.get(0).positioned()) {
            out.add(new double[] {row.ownEnd(), values.get(0).x0() - row.ownEnd(), values.size() == cells ? 1 : 0});
        }
    }

    private static boolean followLabels(List<double[]> rows) {
        double fullGap = Double.NaN;
        double minGap = Double.MAX_VALUE;
        double minEnd = Double.MAX_VALUE;
        double maxEnd = -Double.MAX_VALUE;
        for (double[] r : rows) {
            minEnd = Math.min(minEnd, r[0]);
            maxEnd = Math.max(maxEnd, r[0]);
            minGap = Math.min(minGap, r[1]);
            if (r[2] > 0) {
                if (!Double.isNaN(fullGap) && Math.abs(r[1] - fullGap) >= 0.5) {
                    return false;
                }
                fullGap = r[1];
            }
        }
        // the distance one gap makes: a full row's, else the least (more rows needed to tell without a full row)
        double gap = Double.isNaN(fullGap) ? minGap : fullGap;
        int needed = Double.isNaN(fullGap) ? 5 : 3;
        if (rows.size() < needed || gap < 1.5 || maxEnd - minEnd < 1) {
            return false;
        }
        for (double[] r : rows) {
            double times = r[1] / gap;
            if (times < 0.75 || Math.abs(times - Math.rint(times)) * gap >= 0.5) {
                return false;
            }
        }
        return true;
    }

    /** Do the full rows put every column where the others do (within a quarter of the columns' spacing)? */
    private static boolean agree(List<double[]> full, double[] centers) {
        double tolerance = 0.25 * spacing(centers);
        for (double[] row : full) {
            for (int i = 0; i < row.length; i++) {
                if (Math.abs(row[i] - centers[i]) > tolerance) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Does a header's placing of the columns fit the numbers printed under it: each near a column's centre or
     * spanning one? A header set off from its columns (a different font, a template's own spacing) says nothing
     * about where the numbers are.
     */
    private static boolean fits(double[] centers, List<ObservedRow> rows, int page) {
        double tolerance = 0.45 * spacing(centers);
        for (ObservedRow row : rows) {
            if (row == null || row.values().isEmpty() || row.page() != page) {
                continue;
            }
            for (Token t : row.values()) {
                if (t.type() != Token.Type.NUMBER || !t.positioned()) {
                    continue;
                }
                boolean placed = false;
                for (double c : centers) {
                    placed |= Math.abs(c - t.center()) <= tolerance || (c >= t.x0() && c <= t.x1());
                }
                if (!placed) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[] refine(double[] centers, List<ObservedRow> rows, int page) {
        double[] out = centers.clone();
        for (int pass = 0; pass < 2; pass++) {
            double spacing = spacing(out);
            List<List<Double>> near = new ArrayList<>();
            for (int c = 0; c < out.length; c++) {
                near.add(new ArrayList<>());
            }
            for (ObservedRow row : rows) {
                if (row == null || row.values().isEmpty() || row.page() != page) {
                    continue;
                }
                for (Token t : row.values()) {
                    if (t.type() != Token.Type.NUMBER || !t.positioned()) {
                        continue;
                    }
                    int best = nearest(out, t.center());
                    if (Math.abs(out[best] - t.center()) <= 0.5 * spacing) {
                        near.get(best).add(t.center());
                    }
                }
            }
            for (int c = 0; c < out.length; c++) {
                List<Double> xs = near.get(c);
                if (xs.size() >= 2) {
                    xs.sort(null);
                    out[c] = xs.get(xs.size() / 2);
                }
            }
            for (int c = 1; c < out.length; c++) {
                if (out[c] <= out[c - 1]) {
                    return centers;
                }
            }
        }
        return out;
    }

    private static int nearest(double[] centers, double x) {
        int best = 0;
        for (int c = 1; c < centers.length; c++) {
            if (Math.abs(centers[c] - x) < Math.abs(centers[best] - x)) {
                best = c;
            }
        }
        return best;
    }

    private static double spacing(double[] centers) {
        double spacing = Double.MAX_VALUE;
        for (int i = 1; i < centers.length; i++) {
            spacing = Math.min(spacing, centers[i] - centers[i - 1]);
        }
        return spacing;
    }

    private static double[] centers(List<double[]> full, int k) {
        return centers(full, k, MIN_ROWS);
    }

    private static double[] centers(List<double[]> full, int k, int minRows) {
        if (full.size() < minRows) {
            return null;
        }
        double[] centers = new double[k];
        for (int i = 0; i < k; i++) {
            double[] col = new double[full.size()];
            for (int r = 0; r < full.size(); r++) {
                col[r] = full.get(r)[i];
            }
            Arrays.sort(col);
            centers[i] = col[col.length / 2];
        }
        for (int i = 1; i < k; i++) {
            if (centers[i] <= centers[i - 1]) {
                return null;
            }
        }
        return centers;
    }

    boolean isEmpty() {
        return pages.isEmpty();
    }

    /**
     * The centres of the columns named {@code labels} (compact, in order) from a table header's positioned label
     * tokens, per page. The labels are found left to right, each in a token to the right of the one before, so
     * that labels sharing their first characters (本年制发件数, 本年废止件数) or printed in every group of a table (结果维持
     * … 总计, three times) each find their own; a label printed across lines ("结果维" over "持") is found by its
     * first characters (at least two), the token sharing most of them winning.
     */
    static java.util.Map<Integer, double[]> headerCenters(List<Token> header, List<String> labels) {
        java.util.Map<Integer, double[]> out = new java.util.HashMap<>();
        java.util.Map<Integer, List<Token>> byPage = new java.util.HashMap<>();
        for (Token t : header) {
            if (t.type() == Token.Type.LABEL && t.positioned()) {
                byPage.computeIfAbsent(t.page(), p -> new ArrayList<>()).add(t);
            }
        }
        for (var e : byPage.entrySet()) {
            List<Token> page = new ArrayList<>(e.getValue());
            page.sort(java.util.Comparator.comparingDouble(Token::center));
            double[] centers = new double[labels.size()];
            double previous = Double.NEGATIVE_INFINITY;
            boolean all = true;
            for (int c = 0; c < labels.size() && all; c++) {
                Token found = null;
                int foundShared = 1;
                for (Token t : page) {
                    int shared = sharedPrefix(labels.get(c), cn.ogi.reader.text.Labels.compact(t.text()));
                    if (t.center() > previous && shared > foundShared) {
                        found = t;
                        foundShared = shared;
                    }
                }
                if (found == null) {
                    all = false;
                } else {
                    centers[c] = found.center();
                    previous = found.center();
                }
            }
            if (all) {
                out.put(e.getKey(), centers);
            }
        }
        return out;
    }

    private static int sharedPrefix(String label, String text) {
        int n = 0;
        while (n < label.length() && n < text.length() && label.charAt(n) == text.charAt(n)) {
            n++;
        }
        return n == label.length() || n == text.length() || n >= 2 ? n : 0;
    }

    /**
     * For each token of a row, the lowest and highest column its position allows, or null for no restriction;
     * null as a whole when positions say nothing (no model, or a token without position).
     */
    int[][] ranges(List<Token> tokens, int k) {
        double[] centers = tokens.isEmpty() ? null : pages.get(tokens.get(0).page());
        if (centers == null || centers.length != k) {
            return null;
        }
        double spacing = Double.MAX_VALUE;
        for (int i = 1; i < k; i++) {
            spacing = Math.min(spacing, centers[i] - centers[i - 1]);
        }
        double tolerance = 0.45 * spacing;
        int[][] out = new int[tokens.size()][];
        boolean any = false;
        for (int t = 0; t < tokens.size(); t++) {
            Token tok = tokens.get(t);
            if (tok.type() != Token.Type.NUMBER) {
                continue;
            }
            if (!tok.positioned()) {
                return null;
            }
            int lo = -1;
            int hi = -1;
            for (int c = 0; c < k; c++) {
                boolean near = Math.abs(tok.center() - centers[c]) <= tolerance;
                boolean spanned = centers[c] >= tok.x0() && centers[c] <= tok.x1();
                if (near || spanned) {
                    lo = lo < 0 ? c : lo;
                    hi = c;
                }
            }
            if (lo >= 0) {
                out[t] = new int[] {lo, hi};
                any = true;
            }
        }
        return any ? out : null;
    }
}
