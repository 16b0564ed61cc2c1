package cn.ogi.reader.text;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One number as printed in a table cell or a sentence: value, unit (万元, 元, 亿元 or none) and whether it was
 * stated approximately ({@code 1900余万元}, {@code 近265}).
 */
public record Quantity(BigDecimal value, String unit, boolean approximate) {

    private static final Pattern CELL = Pattern.compile(
            "([+\\-±]?)(约|近|逾)?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,18}(?:\\.\\d{1,6})?)(余|多)?(亿元|万元|元|万)?(余|多)?");

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED_MILLION = BigDecimal.valueOf(100_000_000);

    /** The quantity if the whole string is one number (spaces allowed), else null. */
    public static Quantity parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.replace(" ", "");
        if (s.isEmpty() || s.length() > 40) {
            return null;
        }
        Matcher m = CELL.matcher(s);
        if (!m.matches()) {
            return null;
        }
        BigDecimal v = new BigDecimal(m.group(3).replace(",", ""));
        if ("-".equals(m.group(1))) {
            v = v.negate();
        }
        boolean approximate = m.group(2) != null || m.group(4) != null || m.group(6) != null || "±".equals(m.group(1));
        return new Quantity(v, m.group(5), approximate);
    }

    /** The value in 万元 (a bare number is taken to be in the cell's unit already). */
    public BigDecimal inWan() {
        if (unit == null || unit.equals("万元") || unit.equals("万")) {
            return value;
        }
        if (unit.equals("元")) {
            return value.divide(TEN_THOUSAND);
        }
        return value.multiply(TEN_THOUSAND);
    }

    /** The value in 元 (a bare number is taken to be in 元). */
    public BigDecimal inYuan() {
        if (unit == null || unit.equals("元")) {
            return value;
        }
        if (unit.equals("亿元")) {
            return value.multiply(HUNDRED_MILLION);
        }
        return value.multiply(TEN_THOUSAND);
    }

    public boolean isInteger() {
        return value.stripTrailingZeros().scale() <= 0;
    }
}
