package cn.ogi.form.edition;

/** A column of a row: key, Chinese label, cell type. */
public record ColumnDefinition(String key, String label, CellType type) {}
