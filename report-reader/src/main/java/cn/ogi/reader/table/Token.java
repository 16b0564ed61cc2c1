package cn.ogi.reader.table;

/**
 * One token of a laid-out source: label text, a printed number (possibly several cells run together), or an
 * empty cell.
 *
 * @param type        what it is
 * @param text        label text (normalized), or the integer digits of a number (no sign, no separators)
 * @param fraction    the digits after a decimal point ("" for none); only the last cell read from a token has it
 * @param unit        a money unit printed with the number (万元, 万, 元, 亿元) or null
 * @param negative    a minus sign before the number
 * @param minusOrMark the minus (a dash) stands after other printed text of its piece, or apart from the digits: it
 *                    may as well be a mark for nothing in the cell before, then the number, which the text does
 *                    not tell (see {@link MinusOrMark})
 * @param approximate the number was printed as approximate (约, 近, 余, 多)
 * @param weakBefore  only a single space separates this number from the previous one in the same piece: they may
 *                    be one number (OCR, thousands printed with a space) as well as two cells
 * @param line        the index of the layout line it is on
 * @param page        the PDF page (1-based) or 0
 * @param x0          where it starts on its line, or NaN
 * @param x1          where it ends, or NaN
 * @param celled      it comes from a bounded cell (an HTML or pipe cell), where an empty cell would show
 * @param alone       the number is all its cell or piece holds (a grid cell holding one number is one number)
 */
public record Token(
        Type type,
        String text,
        String fraction,
        String unit,
        boolean negative,
        boolean minusOrMark,
        boolean approximate,
        boolean weakBefore,
        int line,
        int page,
        double x0,
        double x1,
        boolean celled,
        boolean alone) {

    public enum Type {
        LABEL,
        NUMBER,
        /** A visibly empty cell (or a dash) between numbers: a blank cell, which the form means as 0. */
        BLANK,
        /**
         * An empty cell at a scraped row's end (or start): a blank cell, or the scrape's padding or border; a cell
         * only where the row needs it.
         */
        TRAILING,
        /** A grid position under a number that spans rows: that cell is not stated on its own. */
        MERGED
    }

    public static Token label(String text, int line, int page) {
        return label(text, line, page, Double.NaN, Double.NaN);
    }

    /** A label printed at {@code x0…x1} of its line (NaN: not positioned). */
    static Token label(String text, int line, int page, double x0, double x1) {
        return new Token(Type.LABEL, text, "", null, false, false, false, false, line, page, x0, x1, false, false);
    }

    /**
     * A value standing alone — a grid's cell, a visibly empty one — with no fraction, unit, sign or approximation of
     * its own, at {@code x0…x1} of its line (NaN: not positioned).
     */
    static Token value(Type type, String text, int line, int page, double x0, double x1, boolean celled) {
        return new Token(type, text, "", null, false, false, false, false, line, page, x0, x1, celled, true);
    }

    public boolean isValue() {
        return type != Type.LABEL;
    }

    public boolean positioned() {
        return !Double.isNaN(x0);
    }

    public double center() {
        return (x0 + x1) / 2;
    }

    Token withType(Type t) {
        return copy(t, alone);
    }

    Token asAlone() {
        return copy(type, true);
    }

    private Token copy(Type t, boolean standsAlone) {
        return new Token(
                t,
                text,
                fraction,
                unit,
                negative,
                minusOrMark,
                approximate,
                weakBefore,
                line,
                page,
                x0,
                x1,
                celled,
                standsAlone);
    }

    /** A visibly empty cell (a mark for nothing) at {@code x0…x1} of its line (NaN: not positioned). */
    static Token blank(int line, int page, double x0, double x1) {
        return value(Type.BLANK, "", line, page, x0, x1, false);
    }

    /** The mark for nothing a {@link #minusOrMark} dash may be: a blank cell where the number starts. */
    Token markBefore() {
        return blank(line, page, Double.NaN, Double.NaN);
    }

    /** The number without the minus a {@link #minusOrMark} dash may be. */
    Token withoutMinus() {
        return new Token(
                type, text, fraction, unit, false, false, approximate, weakBefore, line, page, x0, x1, celled, alone);
    }

    @Override
    public String toString() {
        return switch (type) {
            case LABEL -> "L(" + text + ")";
            case NUMBER ->
                (weakBefore ? "~" : "")
                        + (negative ? "-" : "")
                        + text
                        + (fraction.isEmpty() ? "" : "." + fraction)
                        + (unit == null ? "" : unit);
            case BLANK -> "_";
            case TRAILING -> "_?";
            case MERGED -> "^";
        };
    }
}
