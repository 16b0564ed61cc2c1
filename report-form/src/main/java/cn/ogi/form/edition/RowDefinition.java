package cn.ogi.form.edition;

import java.util.List;

/**
 * A row of a section.
 *
 * @param key       row key, may be dotted ({@code withheld.stateSecret} nests under {@code withheld})
 * @param label     Chinese label as printed
 * @param columnSet name of the shared column set, or null when the columns are inline or the row is a leaf
 * @param columns   the columns; empty for a leaf row, which is itself one cell of type {@code leafType}
 * @param leafType  the cell type of a leaf row, null otherwise
 * @param leafBounds the bounds of a leaf row's cell when narrower than its type's, else null
 * @param required  whether a pushed report must state every cell of the row
 */
public record RowDefinition(
        String key,
        String label,
        String columnSet,
        List<ColumnDefinition> columns,
        CellType leafType,
        CellBounds leafBounds,
        boolean required) {

    public RowDefinition {
        columns = List.copyOf(columns);
    }

    public boolean isLeaf() {
        return columns.isEmpty();
    }
}
