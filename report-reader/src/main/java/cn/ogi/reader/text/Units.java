package cn.ogi.reader.text;

import java.math.BigDecimal;
import java.math.MathContext;

/** Money units as printed beside amounts, and conversion between them. */
public final class Units {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED_MILLION = BigDecimal.valueOf(100_000_000);

    private Units() {}

    /** {@code value} printed in {@code unit} (万元, 万, 元, 亿元 or null = the cell's own unit), in 万元. */
    public static BigDecimal inWan(BigDecimal value, String unit) {
        if (unit == null || unit.equals("万元") || unit.equals("万")) {
            return value;
        }
        if (unit.equals("元")) {
            return value.divide(TEN_THOUSAND, MathContext.DECIMAL64).stripTrailingZeros();
        }
        return value.multiply(TEN_THOUSAND);
    }

    /** {@code value} printed in {@code unit} (null = 元), in 元. */
    public static BigDecimal inYuan(BigDecimal value, String unit) {
        if (unit == null || unit.equals("元")) {
            return value;
        }
        if (unit.equals("亿元")) {
            return value.multiply(HUNDRED_MILLION);
        }
        return value.multiply(TEN_THOUSAND);
    }
}
