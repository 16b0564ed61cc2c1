package cn.ogi.form.edition;

/**
 * One number of the form.
 *
 * @param key      the full dotted path in the canonical JSON, e.g. {@code applications.withheld.stateSecret.total}
 * @param section  the section key, e.g. {@code applications}
 * @param row      the row key inside the section, may be dotted ({@code withheld.stateSecret})
 * @param column   the column key, or null for a leaf row without columns ({@code processingFees.amountYuan})
 * @param label    Chinese label: row label, then column label
 * @param type     what the cell may hold
 * @param required whether a pushed report must state it
 * @param bounds   the values it may hold (the edition's bounds of its type, or the column's own)
 */
public record CellDefinition(
        String key,
        String section,
        String row,
        String column,
        String label,
        CellType type,
        boolean required,
        CellBounds bounds) {}
