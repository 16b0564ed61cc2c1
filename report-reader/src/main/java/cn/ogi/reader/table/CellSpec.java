package cn.ogi.reader.table;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.CellType;

/**
 * One cell of a printed row as the reader needs it: its key, what values it takes, and the money unit it is kept
 * in ({@code amountWan} in 万元, {@code amountYuan} in 元).
 */
public record CellSpec(String key, CellType type, String unit, String column) {

    /** The cell of a definition; its column label is the part of its label after " / " (and after "·"). */
    public static CellSpec of(CellDefinition cell) {
        String unit = null;
        if (cell.type() == CellType.AMOUNT) {
            unit = cell.key().endsWith("Yuan") ? "元" : "万元";
        }
        String label = cell.label();
        String column = label.contains(" / ") ? label.substring(label.lastIndexOf(" / ") + 3) : label;
        column = column.contains("·") ? column.substring(column.lastIndexOf('·') + 1) : column;
        return new CellSpec(cell.key(), cell.type(), unit, cn.ogi.reader.text.Labels.compact(column));
    }

    public boolean integral() {
        return type.integral();
    }
}
