package cn.ogi.stats.query;

/**
 * A row of a result table as the exports read it: its value under a column's key ({@link Column#key()}). The rows
 * of a result are {@link StatsRow}s; the items of a listing are records whose component names are the columns' keys
 * (and, by Jackson, the JSON fields), so that a record reads its value by component name.
 */
public interface ResultRow {

    /** The value under the column key; null when the row has none. */
    default Object value(String column) {
        Class<?> type = getClass();
        if (!type.isRecord()) {
            throw new IllegalStateException(type + " is no record; it must read its values itself");
        }
        for (var component : type.getRecordComponents()) {
            if (component.getName().equals(column)) {
                try {
                    return component.getAccessor().invoke(this);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + column + " of " + type, e);
                }
            }
        }
        return null;
    }
}
