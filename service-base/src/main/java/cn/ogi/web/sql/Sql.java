package cn.ogi.web.sql;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The services' way to set-based SQL: plain JDBC on the service's data source, with named parameters
 * ({@code :agency}), row mappers to records and statement batches. Every call joins the caller's JTA transaction
 * when there is one (Agroal hands out the connection enlisted in it, so the statements of one transaction see each
 * other and commit together); outside one, each call commits on its own. An {@link SQLException} becomes an
 * {@link SqlFailure} with it as the cause, so that {@code Outages} still tells a lost database (503, Retry-After)
 * from a defect. Java arrays are bound as SQL arrays ({@code String[]} as {@code text[]}, {@code UUID[]}, {@code
 * Integer[]}, {@code Long[]}, {@code Boolean[]}, {@code BigDecimal[]}, {@code byte[][]} as {@code bytea[]}): the way
 * to write many rows in one statement ({@code unnest}).
 */
@ApplicationScoped
public class Sql {

    /** One row as the caller wants it (a record, usually). */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A row handler that returns nothing (rows streamed, never all in memory). */
    @FunctionalInterface
    public interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    /** Where connections come from; the injected data source in the services. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** Binds one element's parameters of a named batch. */
    @FunctionalInterface
    public interface RowBinder<R> {
        void bind(R row, SqlStatement statement);
    }

    @Inject
    AgroalDataSource dataSource;

    private Connections connections;

    /** A helper over other connections than the service's data source (a metrics probe, a test). */
    public static Sql over(Connections connections) {
        Sql sql = new Sql();
        sql.connections = connections;
        return sql;
    }

    Connection open() throws SQLException {
        return connections != null ? connections.open() : dataSource.getConnection();
    }

    /** A statement with {@code :name} parameters, bound by name and then run. */
    public SqlStatement statement(String sql) {
        return new SqlStatement(this, sql);
    }

    /** Runs one statement per element as one JDBC batch (pipelined; INSERTs become multi-row where configured). */
    public <R> void batch(String sql, Collection<R> rows, RowBinder<R> binder) {
        if (rows.isEmpty()) {
            return;
        }
        NamedParameters parsed = NamedParameters.of(sql);
        List<Object[]> bound = new ArrayList<>(rows.size());
        for (R row : rows) {
            SqlStatement statement = statement(sql);
            binder.bind(row, statement);
            bound.add(statement.ordered(parsed));
        }
        batch(parsed.jdbc(), bound);
    }

    // Positional parameters (?), for a statement of one or two parameters, and stats' bulk SQL.

    public int update(String sql, Object... params) {
        try (Connection c = open();
                PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailure.of(e);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = open();
                PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw SqlFailure.of(e);
        }
    }

    /** The first row, or null when there is none. */
    public <T> T one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * Streams the rows to the handler, {@code fetchSize} at a time (a cursor: the rows are never all in memory).
     * Needs a transaction (PostgreSQL fetches in portions only outside autocommit).
     */
    public void each(String sql, int fetchSize, RowHandler handler, Object... params) {
        try (Connection c = open();
                PreparedStatement ps = prepare(c, sql, params)) {
            ps.setFetchSize(fetchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        } catch (SQLException e) {
            throw SqlFailure.of(e);
        }
    }

    /** Runs a statement for each parameter row as one JDBC batch. */
    public void batch(String sql, Collection<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = open();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                SqlValue.bindAll(c, ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw SqlFailure.of(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object[] params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            SqlValue.bindAll(c, ps, params);
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
        return ps;
    }

    // Array parameters from collections: wrapped, so that one alone among positional parameters stays one parameter.

    /** An array parameter of SQL type {@code type[]}. */
    // A parameter for one statement, never compared or kept: identity equality is right.
    @SuppressWarnings("ArrayRecordComponent")
    public record SqlArray(String type, Object[] values) {}

    /** A text[] parameter. */
    public static SqlArray texts(Collection<String> values) {
        return new SqlArray("text", values.toArray(String[]::new));
    }

    /** An int[] parameter. */
    public static SqlArray ints(Collection<Integer> values) {
        return new SqlArray("int4", values.toArray(Integer[]::new));
    }

    /** A numeric[] parameter. */
    public static SqlArray numerics(Collection<BigDecimal> values) {
        return new SqlArray("numeric", values.toArray(BigDecimal[]::new));
    }

    // Column values that JDBC gives awkwardly.

    public static OffsetDateTime timestamp(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    public static OffsetDateTime timestamp(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** An integer column that may be NULL. */
    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** An integer column that may be NULL. */
    public static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
