package cn.ogi.reader.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The cells of a row read so far by {@link RowSearch}: each cell's value and kind, the whole numbers among them as
 * longs, and the row's sums checked on them as each cell is placed (by the index of each sum's last cell).
 */
final class RowSoFar {

    /** No sum says what a cell must hold (see {@link #forcedValue}). */
    static final long UNFORCED = Long.MIN_VALUE;
    /** What {@link #holdsInLongs} tells of a sum. */
    private static final int HOLDS = 1;

    private static final int BREAKS = 0;
    private static final int NOT_WHOLE = -1;

    final BigDecimal[] values;
    final byte[] kinds;
    /** The values as longs where {@link #whole}: the sums are checked on these. */
    final long[] longs;
    /** Which values are whole numbers of at most 16 digits. */
    final boolean[] whole;
    /** sums by the index of their last cell */
    private final List<List<RowReadings.Sum>> sumsAt;

    RowSoFar(int k, List<RowReadings.Sum> sums) {
        this.values = new BigDecimal[k];
        this.longs = new long[k];
        this.whole = new boolean[k];
        this.kinds = new byte[k];
        this.sumsAt = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            sumsAt.add(new ArrayList<>());
        }
        for (RowReadings.Sum s : sums) {
            sumsAt.get(s.last()).add(s);
        }
    }

    void place(int ci, BigDecimal v, byte kind) {
        values[ci] = v;
        kinds[ci] = kind;
        whole[ci] = v != null && v.scale() == 0 && v.precision() <= 16; // fifteen of them still fit a long
        longs[ci] = whole[ci] ? v.longValue() : 0;
    }

    /**
     * The whole number that cell {@code ci} must hold for a sum ending at it to hold, when every other cell of that
     * sum is already a whole number ({@link #sumsHold} would refuse any other); {@link #UNFORCED} when no sum says,
     * and a negative number when two sums disagree or the parts already exceed the total.
     */
    long forcedValue(int ci) {
        long forced = UNFORCED;
        for (RowReadings.Sum s : sumsAt.get(ci)) {
            long others = partsInLongs(s, ci);
            if (others == UNFORCED || (s.total() != ci && !whole[s.total()])) {
                continue;
            }
            long must = s.total() == ci ? others : longs[s.total()] - others;
            if (forced != UNFORCED && forced != must) {
                return -1;
            }
            forced = must;
        }
        return forced;
    }

    /** Do the sums whose last cell is {@code ci} hold (true where a cell of one is not a number)? */
    boolean sumsHold(int ci) {
        for (RowReadings.Sum s : sumsAt.get(ci)) {
            BigDecimal total = values[s.total()];
            if (total == null) {
                continue;
            }
            int inLongs = holdsInLongs(s);
            if (inLongs == BREAKS) {
                return false;
            }
            if (inLongs == HOLDS) {
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            boolean unknown = false;
            for (int p : s.parts()) {
                if (values[p] == null) {
                    unknown = true;
                    break;
                }
                sum = sum.add(values[p]);
            }
            if (!unknown && sum.compareTo(total) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The sum checked on whole numbers alone (no BigDecimal arithmetic in the search's innermost step): HOLDS,
     * BREAKS, or NOT_WHOLE when a cell of it is unknown or not a whole number of a long's range (the caller then
     * checks it exactly).
     */
    private int holdsInLongs(RowReadings.Sum s) {
        long parts = whole[s.total()] ? partsInLongs(s, -1) : UNFORCED;
        if (parts == UNFORCED) {
            return NOT_WHOLE;
        }
        return parts == longs[s.total()] ? HOLDS : BREAKS;
    }

    /** The sum of {@code s}'s parts but {@code except}, when each is a whole number; else {@link #UNFORCED}. */
    private long partsInLongs(RowReadings.Sum s, int except) {
        long sum = 0;
        for (int p : s.parts()) {
            if (p != except) {
                if (!whole[p]) {
                    return UNFORCED;
                }
                sum += longs[p];
            }
        }
        return sum;
    }
}
