package cn.ogi.reader.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The columns of a block that prints no row in full, learnt from its rows together: where every number the block's
 * rows print on a page stands in one of exactly as many aligned places as the block has columns, each row's
 * numbers in distinct places from left to right, those places are the columns — {@code 规章 · 7 4} over
 * {@code 规范性文件 9 6 ·} prints its numbers in three places for three columns. Aligned means their ends, their
 * centres or their starts equal within a character (a centred number of odd or even width, an OCR space more),
 * distinct places at least two characters apart. Fewer places, more, numbers between two places, a number set off
 * by a single space or sharing its piece, or two alignments that place a number differently: no columns.
 */
final class AlignedColumns {

    /** How far apart the numbers of one place may stand (a centred number of odd or even width, a space more). */
    private static final double SPAN = 1.0;
    /** How far apart two places stand at least. */
    private static final double APART = 2.0;

    private static final List<ToDoubleFunction<Token>> ALIGNMENTS = List.of(Token::x1, Token::center, Token::x0);

    private AlignedColumns() {}

    /** For each page whose rows' numbers stand in exactly {@code cells} aligned places, the places' centres. */
    static java.util.Map<Integer, double[]> centersByPage(List<ObservedRow> rows, int cells) {
        java.util.Map<Integer, List<List<Token>>> byPage = new java.util.HashMap<>();
        java.util.Set<Integer> unusable = new java.util.HashSet<>();
        for (ObservedRow row : rows) {
            if (row == null || row.values().isEmpty()) {
                continue;
            }
            byPage.computeIfAbsent(row.page(), p -> new ArrayList<>()).add(row.values());
            if (!row.values().stream().allMatch(AlignedColumns::placeable)) {
                unusable.add(row.page());
            }
        }
        java.util.Map<Integer, double[]> pages = new java.util.HashMap<>();
        for (var e : byPage.entrySet()) {
            double[] centers = unusable.contains(e.getKey()) ? null : centers(e.getValue(), cells);
            if (centers != null) {
                pages.put(e.getKey(), centers);
            }
        }
        return pages;
    }

    /** A number that is a piece of its own, two or more spaces from the one before, or a printed blank. */
    private static boolean placeable(Token t) {
        boolean number = t.type() == Token.Type.NUMBER && t.alone() && !t.weakBefore();
        return t.positioned() && (number || t.type() == Token.Type.BLANK);
    }

    /** The places' centres where every alignment that finds {@code cells} places puts each number in the same one. */
    private static double[] centers(List<List<Token>> rows, int cells) {
        int[][] placing = null;
        for (ToDoubleFunction<Token> alignment : ALIGNMENTS) {
            int[][] p = placing(rows, cells, alignment);
            if (p != null && placing != null && !Arrays.deepEquals(p, placing)) {
                return null;
            }
            placing = p == null ? placing : p;
        }
        if (placing == null) {
            return null;
        }
        double[] centers = new double[cells];
        for (int c = 0; c < cells; c++) {
            List<Double> xs = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                for (int t = 0; t < rows.get(r).size(); t++) {
                    if (placing[r][t] == c) {
                        xs.add(rows.get(r).get(t).center());
                    }
                }
            }
            xs.sort(null);
            centers[c] = xs.get(xs.size() / 2);
        }
        return centers;
    }

    /**
     * Each number's place under one alignment, or null where the numbers do not stand in exactly {@code cells}
     * places set clearly apart, or a row's numbers are not in distinct places from left to right.
     */
    private static int[][] placing(List<List<Token>> rows, int cells, ToDoubleFunction<Token> alignment) {
        double[] xs = rows.stream()
                .flatMap(List::stream)
                .mapToDouble(alignment)
                .sorted()
                .toArray();
        List<double[]> places = new ArrayList<>(); // each place's lowest and highest coordinate
        for (double x : xs) {
            double[] last = places.isEmpty() ? null : places.get(places.size() - 1);
            if (last != null && x - last[0] <= SPAN) {
                last[1] = x;
            } else if (last != null && x - last[1] < APART) {
                return null; // between one place and another: not aligned
            } else {
                places.add(new double[] {x, x});
            }
        }
        if (places.size() != cells) {
            return null;
        }
        int[][] placing = new int[rows.size()][];
        double[] starts = new double[cells]; // where each place's numbers start at the least, and end at the most
        double[] ends = new double[cells];
        Arrays.fill(starts, Double.MAX_VALUE);
        Arrays.fill(ends, -Double.MAX_VALUE);
        for (int r = 0; r < rows.size(); r++) {
            List<Token> row = rows.get(r);
            placing[r] = new int[row.size()];
            for (int t = 0; t < row.size(); t++) {
                int c = place(places, alignment.applyAsDouble(row.get(t)));
                placing[r][t] = c;
                starts[c] = Math.min(starts[c], row.get(t).x0());
                ends[c] = Math.max(ends[c], row.get(t).x1());
                if (t > 0 && c <= placing[r][t - 1]) {
                    return null;
                }
            }
        }
        return apart(starts, ends) ? placing : null;
    }

    /**
     * Does every place's numbers end clearly before the next place's start? Numbers of one column overlap (right
     * aligned they share their last character, centred their middle one): an alignment that parts them is not
     * the columns'.
     */
    private static boolean apart(double[] starts, double[] ends) {
        for (int c = 1; c < starts.length; c++) {
            if (starts[c] - ends[c - 1] < APART) {
                return false;
            }
        }
        return true;
    }

    private static int place(List<double[]> places, double x) {
        int c = 0;
        while (x > places.get(c)[1]) {
            c++;
        }
        return c;
    }
}
