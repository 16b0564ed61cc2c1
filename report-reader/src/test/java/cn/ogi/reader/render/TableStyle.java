package cn.ogi.reader.render;

import java.util.Random;

/**
 * How a publisher's template prints the tables' labels and spans; drawn per rendering so that cases cover the
 * combinations.
 *
 * @param fullWidthBrackets    （一） rather than (一)
 * @param itemComma            1、 rather than 1.
 * @param partialNote          （二）部分公开 followed by the form's note （区分处理的，…）
 * @param spannedGroups        group labels as one cell spanning their rows; otherwise repeated on every row
 * @param misalignedTableOne   Table 1 value cells spanning other grid columns than their headers (as 2019 pages do)
 * @param lostColumnHeaders    the applicant header replaced by 数据1…数据6 / 总计 (a converter that lost it)
 */
public record TableStyle(
        boolean fullWidthBrackets,
        boolean itemComma,
        boolean partialNote,
        boolean spannedGroups,
        boolean misalignedTableOne,
        boolean lostColumnHeaders) {

    public static TableStyle random(Random rnd) {
        return new TableStyle(
                rnd.nextInt(4) != 0,
                rnd.nextInt(8) == 0,
                rnd.nextInt(3) != 0,
                rnd.nextInt(4) != 0,
                rnd.nextBoolean(),
                false);
    }

    public TableStyle withLostColumnHeaders() {
        return new TableStyle(fullWidthBrackets, itemComma, partialNote, spannedGroups, misalignedTableOne, true);
    }

    /** Table 1 value cells under their headers: a drawn page shows the grid, so a misaligned span would mislead. */
    public TableStyle withAlignedTableOne() {
        return new TableStyle(fullWidthBrackets, itemComma, partialNote, spannedGroups, false, lostColumnHeaders);
    }

    public TableStyle withSpannedGroups(boolean spanned) {
        return new TableStyle(
                fullWidthBrackets, itemComma, partialNote, spanned, misalignedTableOne, lostColumnHeaders);
    }

    String bracket(String number) {
        return fullWidthBrackets ? "（" + number + "）" : "(" + number + ")";
    }

    String item(String number, String name) {
        return number + (itemComma ? "、" : ".") + name;
    }
}
