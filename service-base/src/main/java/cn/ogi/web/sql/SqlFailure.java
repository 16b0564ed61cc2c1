package cn.ogi.web.sql;

import java.sql.SQLException;

/**
 * A statement that failed, with the {@link SQLException} as its cause: {@code Outages} reads the cause chain, so a
 * lost database is still answered 503 with Retry-After, and anything else stays a 500 with an incident id.
 */
public final class SqlFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private SqlFailure(String message, SQLException cause) {
        super(message, cause);
    }

    static SqlFailure of(SQLException e) {
        return new SqlFailure("SQL failed: " + e.getMessage(), e);
    }

    /** The SQLSTATE of the failure (e.g. 23505 for a unique violation), null when the driver gave none. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
