package cn.ogi.stats.model;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Plain JDBC on the service's datasource. Inside a JTA transaction every call gets the connection
 * enlisted in it, so statements of one transaction see each other and commit together.
 * The read model is bulk SQL (array parameters, ON CONFLICT sums), which JPA would only obscure.
 */
@ApplicationScoped
public class Db {

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @Inject
    AgroalDataSource dataSource;

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    public <T> T one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** A row handler that returns nothing. */
    @FunctionalInterface
    public interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    /**
     * Streams the rows to the handler, {@code fetchSize} at a time (a cursor: the rows are never all in memory).
     * Needs a transaction (PostgreSQL fetches in portions only outside autocommit).
     */
    public void each(String sql, int fetchSize, RowHandler handler, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql, params)) {
            ps.setFetchSize(fetchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    /** Runs a statement for each parameter row as one JDBC batch. */
    public void batch(String sql, Collection<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(c, ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    /** A text[] parameter. */
    public static TextArray texts(Collection<String> values) {
        return new TextArray(values.toArray(String[]::new));
    }

    /** An int[] parameter. */
    public static IntArray ints(Collection<Integer> values) {
        return new IntArray(values.toArray(Integer[]::new));
    }

    /** A numeric[] parameter. */
    public static NumericArray numerics(Collection<BigDecimal> values) {
        return new NumericArray(values.toArray(BigDecimal[]::new));
    }

    // Parameters for one statement (bound as SQL arrays), never compared or kept: identity equality is right.
    @SuppressWarnings("ArrayRecordComponent")
    public record TextArray(String[] values) {}

    // As TextArray: a parameter, never compared or kept.
    @SuppressWarnings("ArrayRecordComponent")
    public record NumericArray(BigDecimal[] values) {}

    // As TextArray: a parameter, never compared or kept.
    @SuppressWarnings("ArrayRecordComponent")
    public record IntArray(Integer[] values) {}

    public static OffsetDateTime timestamp(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    public static java.time.LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, java.time.LocalDate.class);
    }

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object[] params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        bind(c, ps, params);
        return ps;
    }

    private static void bind(Connection c, PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof TextArray a) {
                Array array = c.createArrayOf("text", a.values());
                ps.setArray(i + 1, array);
            } else if (p instanceof IntArray a) {
                ps.setArray(i + 1, c.createArrayOf("integer", a.values()));
            } else if (p instanceof NumericArray a) {
                ps.setArray(i + 1, c.createArrayOf("numeric", a.values()));
            } else if (p instanceof OffsetDateTime t) {
                ps.setObject(i + 1, t);
            } else if (p instanceof Timestamp t) {
                ps.setTimestamp(i + 1, t);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
