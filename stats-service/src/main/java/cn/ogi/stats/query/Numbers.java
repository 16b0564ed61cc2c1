package cn.ogi.stats.query;

import cn.ogi.form.model.ReportCells;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as responses print them: 0 for nothing, no trailing zeros, never exponent notation. */
public final class Numbers {

    private static final int RATE_SCALE = 6;

    private Numbers() {}

    public static BigDecimal plain(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : ReportCells.normalise(value);
    }

    /** numerator / denominator to 6 decimals, null when the denominator is 0. */
    public static BigDecimal rate(long numerator, long denominator) {
        return rate(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    public static BigDecimal rate(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() == 0
                ? null
                : plain(numerator.divide(denominator, RATE_SCALE, RoundingMode.HALF_UP));
    }
}
