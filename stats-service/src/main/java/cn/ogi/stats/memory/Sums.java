package cn.ogi.stats.memory;

import cn.ogi.form.model.ReportCells;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The exact sums of the cells of one (node, year), indexed by {@link CellIndex}. Held as longs in units of
 * 10⁻⁴ (every count and every amount of the form to four decimals), which keeps a province's rollups in a
 * few megabytes; a value that does not fit (more decimals, or beyond ±9·10¹⁴) turns this one record into
 * BigDecimals, so sums are never rounded.
 */
final class Sums {

    private static final int SCALE = 4;
    private static final long LIMIT = 1L << 62;

    private long[] units = new long[0];
    private BigDecimal[] exact;

    BigDecimal get(int cell) {
        if (exact != null) {
            return cell < exact.length && exact[cell] != null ? exact[cell] : BigDecimal.ZERO;
        }
        return cell < units.length && units[cell] != 0 ? BigDecimal.valueOf(units[cell], SCALE) : BigDecimal.ZERO;
    }

    /** Whether the cell holds anything but zero. */
    boolean nonZero(int cell) {
        return exact != null
                ? cell < exact.length && exact[cell] != null && exact[cell].signum() != 0
                : cell < units.length && units[cell] != 0;
    }

    int width() {
        return exact != null ? exact.length : units.length;
    }

    void add(int cell, BigDecimal delta) {
        if (exact == null) {
            Long u = units(delta);
            if (u != null) {
                grow(cell);
                long sum = units[cell] + u;
                if (Math.abs(sum) < LIMIT) {
                    units[cell] = sum;
                    return;
                }
            }
            toExact();
        }
        if (cell >= exact.length) {
            exact = Arrays.copyOf(exact, Math.max(cell + 1, exact.length * 2));
        }
        BigDecimal sum = exact[cell] == null ? delta : exact[cell].add(delta);
        exact[cell] = sum.signum() == 0 ? null : ReportCells.normalise(sum);
    }

    private void grow(int cell) {
        if (cell >= units.length) {
            units = Arrays.copyOf(units, Math.max(cell + 1, units.length * 2 + 8));
        }
    }

    private void toExact() {
        exact = new BigDecimal[Math.max(units.length, 8)];
        for (int i = 0; i < units.length; i++) {
            if (units[i] != 0) {
                exact[i] = ReportCells.normalise(BigDecimal.valueOf(units[i], SCALE));
            }
        }
        units = null;
    }

    /** The value in units of 10⁻⁴, or null when it has more decimals or is too large. */
    private static Long units(BigDecimal value) {
        if (value.scale() > SCALE && value.stripTrailingZeros().scale() > SCALE) {
            return null;
        }
        BigDecimal scaled = value.movePointRight(SCALE);
        if (scaled.abs().compareTo(BigDecimal.valueOf(LIMIT)) >= 0) {
            return null;
        }
        return scaled.longValueExact();
    }
}
