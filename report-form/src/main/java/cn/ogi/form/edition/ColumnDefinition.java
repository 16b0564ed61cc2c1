package cn.ogi.form.edition;

/** A column of a row: key, Chinese label, cell type, and the bounds of its cells when narrower than the type's. */
public record ColumnDefinition(String key, String label, CellType type, CellBounds bounds) {}
