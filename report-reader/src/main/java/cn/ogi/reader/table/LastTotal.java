package cn.ogi.reader.table;

import cn.ogi.form.edition.CellType;
import java.util.List;

/**
 * The sum whose total is the row's last cell, when the row ends with a plain number (no unit, decimals or sign) and
 * nothing can join numbers: then the total's digits are the end of that number, and the parts, counts that cannot
 * be negative, can never add up to more than those digits are worth (see {@link GroupSearch}).
 */
final class LastTotal {

    /** The sum, its total printed last. */
    final RowReadings.Sum sum;
    /** The values of the last 0…15 digits of the row's last number: the largest total those digits can print. */
    private final long[] tailValues;

    private LastTotal(RowReadings.Sum sum, String digits) {
        this.sum = sum;
        this.tailValues = new long[Math.min(GroupSearch.MAX_CELL_DIGITS, digits.length()) + 1];
        for (int m = 1; m < tailValues.length; m++) {
            tailValues[m] = Long.parseLong(digits.substring(digits.length() - m));
        }
    }

    /** The row's last total, or null (see the class; {@code weak}: numbers a single space apart, which may join). */
    static LastTotal of(List<Token> tokens, List<CellSpec> cells, List<RowReadings.Sum> sums, int weak) {
        if (tokens.isEmpty() || weak > 0) {
            return null;
        }
        Token last = tokens.get(tokens.size() - 1);
        if (last.type() != Token.Type.NUMBER
                || last.negative()
                || !last.fraction().isEmpty()
                || last.unit() != null
                || !PrintedValue.digitsOnly(last.text())) {
            return null;
        }
        for (RowReadings.Sum s : sums) {
            boolean counts =
                    s.total() == cells.size() - 1 && cells.get(s.total()).type() == CellType.COUNT;
            for (int p : s.parts()) {
                counts &= cells.get(p).type() == CellType.COUNT && p < s.total();
            }
            if (counts) {
                return new LastTotal(s, last.text());
            }
        }
        return null;
    }

    /** The largest total the last {@code digits} digits of the row's last number can print. */
    long largest(int digits) {
        return tailValues[Math.min(tailValues.length - 1, digits)];
    }
}
