package cn.ogi.web.sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** How a Java value is bound: arrays as SQL arrays of their element's type, times as timestamptz. */
final class SqlValue {

    private SqlValue() {}

    /** Binds the values to the statement's placeholders, in order. */
    static void bindAll(Connection c, PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            bind(c, ps, i + 1, values[i]);
        }
    }

    private static void bind(Connection c, PreparedStatement ps, int index, Object value) throws SQLException {
        String arrayType = arrayType(value);
        if (value instanceof Sql.SqlArray array) {
            ps.setArray(index, c.createArrayOf(array.type(), array.values()));
        } else if (arrayType != null) {
            ps.setArray(index, c.createArrayOf(arrayType, (Object[]) value));
        } else if (value instanceof byte[] bytes) {
            ps.setBytes(index, bytes);
        } else if (value instanceof Timestamp t) {
            ps.setTimestamp(index, t);
        } else if (value instanceof Instant t) {
            ps.setObject(index, t.atOffset(ZoneOffset.UTC));
        } else {
            ps.setObject(index, value); // null goes as a parameter of unspecified type: CAST it where it matters
        }
    }

    /** The SQL element type of an array parameter, null for a value that is not one. */
    private static String arrayType(Object value) {
        if (value instanceof String[]) {
            return "text";
        } else if (value instanceof UUID[]) {
            return "uuid";
        } else if (value instanceof Integer[]) {
            return "int4";
        } else if (value instanceof Long[]) {
            return "int8";
        } else if (value instanceof Boolean[]) {
            return "bool";
        } else if (value instanceof BigDecimal[]) {
            return "numeric";
        } else if (value instanceof byte[][]) {
            return "bytea";
        } else if (value instanceof OffsetDateTime[]) {
            return "timestamptz";
        }
        return null;
    }
}
