package cn.ogi.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values of native-query rows, whatever JDBC type the driver chose for them. */
public final class SqlValues {

    private SqlValues() {}

    public static OffsetDateTime timestamp(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    /** A {@code char(n)} column without its padding. */
    public static String code(Object value) {
        return value == null ? null : value.toString().strip();
    }
}
