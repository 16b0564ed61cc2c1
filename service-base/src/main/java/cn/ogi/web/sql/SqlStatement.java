package cn.ogi.web.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A statement with {@code :name} parameters: bind every name once ({@link #bind}), then run it once ({@link #list},
 * {@link #first}, {@link #update}, {@link #each}). A name left unbound, or bound but not in the statement, is a
 * defect and fails before anything reaches the database.
 */
public final class SqlStatement {

    private final Sql sql;
    private final String text;
    private final Map<String, Object> values = new HashMap<>();
    private int timeoutSeconds;

    SqlStatement(Sql sql, String text) {
        this.sql = sql;
        this.text = text;
    }

    public SqlStatement bind(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** Cancels the statement after this many seconds (a probe that must not hang). */
    public SqlStatement timeout(int seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    public <T> List<T> list(Sql.RowMapper<T> mapper) {
        List<T> rows = new ArrayList<>();
        each(0, rs -> rows.add(mapper.map(rs)));
        return rows;
    }

    /** The first row; empty when there is none. */
    public <T> Optional<T> first(Sql.RowMapper<T> mapper) {
        List<T> rows = list(mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** Runs an INSERT, UPDATE or DELETE; the number of rows it touched. */
    public int update() {
        NamedParameters parsed = NamedParameters.of(text);
        Object[] params = ordered(parsed);
        try (Connection c = sql.open();
                PreparedStatement ps = c.prepareStatement(parsed.jdbc())) {
            bindTo(c, ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailure.of(e);
        }
    }

    /**
     * Streams the rows to the handler, {@code fetchSize} at a time when above 0 (a cursor: the rows are never all
     * in memory; PostgreSQL fetches in portions only inside a transaction).
     */
    public void each(int fetchSize, Sql.RowHandler handler) {
        NamedParameters parsed = NamedParameters.of(text);
        Object[] params = ordered(parsed);
        try (Connection c = sql.open();
                PreparedStatement ps = c.prepareStatement(parsed.jdbc())) {
            bindTo(c, ps, params);
            if (fetchSize > 0) {
                ps.setFetchSize(fetchSize);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        } catch (SQLException e) {
            throw SqlFailure.of(e);
        }
    }

    /** The values in the statement's order of placeholders; a defect in the names fails here. */
    Object[] ordered(NamedParameters parsed) {
        if (!parsed.names().containsAll(values.keySet())) {
            List<String> unknown = new ArrayList<>(values.keySet());
            unknown.removeAll(parsed.names());
            throw new IllegalArgumentException("bound but not in the statement: " + unknown);
        }
        List<String> names = parsed.names();
        Object[] ordered = new Object[names.size()];
        for (int i = 0; i < ordered.length; i++) {
            String name = names.get(i);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value bound for :" + name);
            }
            ordered[i] = values.get(name);
        }
        return ordered;
    }

    void bindTo(Connection c, PreparedStatement ps, Object[] params) throws SQLException {
        if (timeoutSeconds > 0) {
            ps.setQueryTimeout(timeoutSeconds);
        }
        SqlValue.bindAll(c, ps, params);
    }
}
