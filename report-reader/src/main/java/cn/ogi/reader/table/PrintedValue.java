package cn.ogi.reader.table;

import cn.ogi.form.edition.CellType;
import cn.ogi.reader.text.Units;
import java.math.BigDecimal;

/** The value printed digits have in a cell of the form (see {@link RowSearch}). */
final class PrintedValue {

    private PrintedValue() {}

    /**
     * The value of {@code digits} in cell {@code cell}: a minus printed before them applies to the first cell read
     * from the token, a decimal part and a unit printed after them to the last; null when the cell cannot hold it.
     *
     * @param asPrinted the row is read exactly as printed (no split, unshown blank or join): only then may a cell
     *                  that is not signed take a minus
     */
    static BigDecimal of(
            CellSpec cell, String digits, boolean negative, String fraction, String unit, boolean asPrinted) {
        if (cell.integral() && !fraction.isEmpty()) {
            return null;
        }
        BigDecimal v = fraction.isEmpty() && plainDigits(digits)
                ? BigDecimal.valueOf(Long.parseLong(digits))
                : new BigDecimal(fraction.isEmpty() ? digits : digits + "." + fraction);
        if (negative) {
            if (cell.type() != CellType.SIGNED_COUNT && !asPrinted) {
                return null; // only a signed cell takes a minus, unless the row is read exactly as printed
            }
            v = v.negate();
        }
        if (cell.unit() != null && unit != null) {
            v = cell.unit().equals("元") ? Units.inYuan(v, unit) : Units.inWan(v, unit);
        } else if (cell.unit() == null && unit != null) {
            return null; // money (or 万) printed where the form counts things
        }
        return v;
    }

    /** Digits a long holds, parsed without BigDecimal's general parser. */
    private static boolean plainDigits(String digits) {
        return !digits.isEmpty() && digits.length() <= 18 && digitsOnly(digits);
    }

    static boolean digitsOnly(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
