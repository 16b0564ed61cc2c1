package cn.ogi.reader.table;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Every way the printed tokens of one row can be read as the row's cells. A token is one cell as printed; where
 * there are more tokens than cells, numbers separated by a single space are joined (OCR spaces inside numbers);
 * where there are fewer, digits run together are split (no part but 0 starts with 0) and, where the source does
 * not show empty cells, blank cells are placed — honouring the columns the tokens' positions allow. The row's own
 * sums (a total and its parts inside the row) prune the readings as they are built. Readings are found in stages
 * of increasing inference ({@link RowStages}), and the first stage that reads the row at all is the row's set of
 * readings.
 */
public final class RowReadings {

    /** Cell kinds of a reading. */
    public static final byte PRINTED = 0;
    /** A visibly empty cell. */
    public static final byte BLANK = 1;
    /** A number split from digits run together, or joined across a space. */
    public static final byte SPLIT = 2;
    /** An empty cell the source does not show, placed where the row needs one. */
    public static final byte INVISIBLE_BLANK = 3;
    /** A number spanning several rows: not stated for this one. */
    public static final byte MERGED = 4;
    /** A cell a grid row lacks (a row of 14 cells for 15): not printed, so unknown. */
    public static final byte MISSING = 5;

    /** A sum inside the row: cells {@code parts} add up to cell {@code total}. */
    @SuppressWarnings("ArrayRecordComponent") // made once per row from an equation, read in the search only
    public record Sum(int[] parts, int total) {
        /** Do the cells add up in {@code values} (true when one of them is not a number)? */
        public boolean holds(BigDecimal[] values) {
            BigDecimal t = values[total];
            BigDecimal sum = BigDecimal.ZERO;
            for (int p : parts) {
                if (values[p] == null) {
                    return true;
                }
                sum = sum.add(values[p]);
            }
            return t == null || sum.compareTo(t) == 0;
        }

        /** Does the sum name cell {@code cell}? */
        public boolean names(int cell) {
            if (total == cell) {
                return true;
            }
            for (int p : parts) {
                if (p == cell) {
                    return true;
                }
            }
            return false;
        }

        int last() {
            int m = total;
            for (int p : parts) {
                m = Math.max(m, p);
            }
            return m;
        }
    }

    /**
     * One reading.
     *
     * @param values the cell values (null for a merged cell)
     * @param kinds  how each cell was read
     */
    @SuppressWarnings("ArrayRecordComponent") // thousands are made per row: arrays, compared by their values' text
    public record Reading(BigDecimal[] values, byte[] kinds) {
        public boolean straight() {
            for (byte k : kinds) {
                if (k == SPLIT || k == INVISIBLE_BLANK) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    /**
     * The readings found.
     *
     * @param readings distinct by values
     * @param complete false when a budget stopped the search: there may be other readings
     * @param straight the reading needed no inference (each token one cell)
     */
    public record Result(List<Reading> readings, boolean complete, boolean straight, List<Reading> byPositions) {
        public Result {
            readings = List.copyOf(readings);
            byPositions = List.copyOf(byPositions);
        }

        public Result(List<Reading> readings, boolean complete, boolean straight) {
            this(readings, complete, straight, List.of());
        }
    }

    /**
     * How to read a row.
     *
     * @param invisibleBlanks the source does not show empty cells (text layouts, one-line scrapes, PDF)
     * @param columns         for each token, the lowest and highest cell index its position allows, or null
     */
    @SuppressWarnings("ArrayRecordComponent") // column ranges per token, made for one row and read in its search
    public record Options(boolean invisibleBlanks, int[][] columns) {}

    private RowReadings() {}

    /** The readings of {@code tokens} as the cells {@code cells}, pruned by the row's own {@code sums}. */
    public static Result of(List<Token> tokens, List<CellSpec> cells, List<Sum> sums, Options options) {
        return MinusOrMark.readings(
                tokens,
                cells,
                options,
                t -> new RowStages(RowStages.withoutPadding(t.tokens(), cells.size()), cells, sums, t.options()).run());
    }

    /**
     * How many of the sums a reading breaks beyond any slip of the publisher's: a total that is not 0 (a total left
     * unfilled is a slip) yet smaller than one of its own parts.
     */
    static int impossibleTotals(Reading reading, List<Sum> sums) {
        int impossible = 0;
        for (Sum sum : sums) {
            BigDecimal total = orZero(reading.values()[sum.total()]);
            BigDecimal largest = BigDecimal.ZERO;
            for (int part : sum.parts()) {
                largest = largest.max(orZero(reading.values()[part]));
            }
            impossible += total.signum() != 0 && total.compareTo(largest) < 0 ? 1 : 0;
        }
        return impossible;
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** The same without the row's sums (every reading of the printed digits). */
    public static Result unconstrained(List<Token> tokens, List<CellSpec> cells, Options options) {
        return of(tokens, cells, List.of(), options);
    }
}
