package cn.ogi.reader.table;

import java.util.ArrayList;
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
        java.util.Map<Integer, double[]> pages = new java.util.HashMap<>();
        for (var h : headers.entrySet()) {
            if (h.getValue().length == rows.cells() && fits(h.getValue(), matched, h.getKey())) {
                pages.put(h.getKey(), h.getValue());
            }
        }
        pages.putAll(rows.centersByPage(MIN_ROWS));
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
     * printed on the page stands near one of the columns; a page without a full row, where its rows' numbers together
     * stand in exactly as many aligned places as there are columns ({@link AlignedColumns}). Anything else: no
     * positions.
     */
    static ColumnModel ofSpacedFullRows(List<RowSpec> specs, List<ObservedRow> matched) {
        FullRows rows = FullRows.of(specs, matched);
        if (rows == null) {
            return NONE;
        }
        java.util.Map<Integer, double[]> pages = rows.centersByPage(1);
        pages.entrySet().removeIf(e -> !agree(rows.byPage().get(e.getKey()), e.getValue()));
        // a page without a full row: its rows together may print a number in every column (AlignedColumns)
        AlignedColumns.centersByPage(matched, rows.cells()).forEach((page, centers) -> {
            if (!rows.byPage().containsKey(page)) {
                pages.put(page, centers);
            }
        });
        pages.entrySet().removeIf(e -> !fits(e.getValue(), matched, e.getKey()) || rows.followLabels(e.getKey()));
        return pages.isEmpty() ? NONE : new ColumnModel(pages);
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
        for (Token t : placedNumbers(rows, page)) {
            boolean placed = false;
            for (double c : centers) {
                placed |= inColumn(t, c, tolerance);
            }
            if (!placed) {
                return false;
            }
        }
        return true;
    }

    /** Can the number be in the column centred at {@code center}: near the centre, or spanning it? */
    private static boolean inColumn(Token number, double center, double tolerance) {
        return Math.abs(center - number.center()) <= tolerance || (center >= number.x0() && center <= number.x1());
    }

    /** The numbers with a position that the rows print on the page. */
    private static List<Token> placedNumbers(List<ObservedRow> rows, int page) {
        List<Token> numbers = new ArrayList<>();
        for (ObservedRow row : rows) {
            if (row == null || row.values().isEmpty() || row.page() != page) {
                continue;
            }
            for (Token t : row.values()) {
                if (t.type() == Token.Type.NUMBER && t.positioned()) {
                    numbers.add(t);
                }
            }
        }
        return numbers;
    }

    private static double[] refine(double[] centers, List<ObservedRow> rows, int page) {
        double[] out = centers.clone();
        List<Token> numbers = placedNumbers(rows, page);
        for (int pass = 0; pass < 2; pass++) {
            double spacing = spacing(out);
            List<List<Double>> near = new ArrayList<>();
            for (int c = 0; c < out.length; c++) {
                near.add(new ArrayList<>());
            }
            for (Token t : numbers) {
                int best = nearest(out, t.center());
                if (Math.abs(out[best] - t.center()) <= 0.5 * spacing) {
                    near.get(best).add(t.center());
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

    boolean isEmpty() {
        return pages.isEmpty();
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
        double tolerance = 0.45 * spacing(centers);
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
                if (inColumn(tok, centers[c], tolerance)) {
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
