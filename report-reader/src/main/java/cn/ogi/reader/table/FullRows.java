package cn.ogi.reader.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
record FullRows(
        int cells, java.util.Map<Integer, List<double[]>> byPage, java.util.Map<Integer, List<double[]>> labelled) {

    /** Do the page's numbers stand where their labels end rather than in columns ({@link #followLabels(List, int)})? */
    boolean followLabels(int page) {
        return followLabels(labelled.getOrDefault(page, List.of()));
    }

    /**
     * For each page with at least {@code minRows} full rows, its columns' centres: the median of each column's,
     * where they go from left to right (a page whose medians do not is left out).
     */
    java.util.Map<Integer, double[]> centersByPage(int minRows) {
        java.util.Map<Integer, double[]> pages = new java.util.HashMap<>();
        for (var e : byPage.entrySet()) {
            double[] centers = centers(e.getValue(), minRows);
            if (centers != null) {
                pages.put(e.getKey(), centers);
            }
        }
        return pages;
    }

    private double[] centers(List<double[]> full, int minRows) {
        if (full.size() < minRows) {
            return null;
        }
        double[] centers = new double[cells];
        for (int i = 0; i < cells; i++) {
            double[] col = new double[full.size()];
            for (int r = 0; r < full.size(); r++) {
                col[r] = full.get(r)[i];
            }
            Arrays.sort(col);
            centers[i] = col[col.length / 2];
        }
        for (int i = 1; i < cells; i++) {
            if (centers[i] <= centers[i - 1]) {
                return null;
            }
        }
        return centers;
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
}
