package cn.ogi.web.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * One row of numbers read by a cheap query, for gauges: read at most once per {@code maxAge} however often
 * Prometheus scrapes, so that a scrape costs the database one small query every few seconds. When the database
 * cannot answer, every column reads NaN until the next attempt (a gauge without a value, never a failed scrape);
 * a failure waits out {@code maxAge} too, so that an outage is not hammered.
 */
public final class CachedQuery {

    /** Where connections come from: a data source's {@code getConnection} in the services. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(CachedQuery.class);
    private static final int TIMEOUT_SECONDS = 2;

    private final Connections connections;
    private final String sql;
    private final int columns;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private double[] values;
    private long readAt;
    private boolean read;
    private boolean failing;

    public CachedQuery(Connections connections, String sql, int columns, Duration maxAge) {
        this(connections, sql, columns, maxAge, System::nanoTime);
    }

    CachedQuery(Connections connections, String sql, int columns, Duration maxAge, LongSupplier nanoClock) {
        this.connections = connections;
        this.sql = sql;
        this.columns = columns;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
        this.values = unknown();
    }

    /** The column's value (1-based, as in JDBC) as of the last read, reading again when it is older than maxAge. */
    public synchronized double value(int column) {
        long now = nanoClock.getAsLong();
        if (!read || now - readAt >= maxAgeNanos) {
            values = readRow();
            readAt = now;
            read = true;
        }
        return values[column - 1];
    }

    private double[] readRow() {
        try (Connection c = connections.open();
                PreparedStatement q = c.prepareStatement(sql)) {
            q.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return unknown();
                }
                double[] row = new double[columns];
                for (int i = 0; i < columns; i++) {
                    double value = rs.getDouble(i + 1);
                    row[i] = rs.wasNull() ? Double.NaN : value;
                }
                failing = false;
                return row;
            }
        } catch (SQLException | RuntimeException e) {
            // said once when the readings stop, not at every scrape of an outage
            if (!failing) {
                LOG.warnf("metrics read NaN until the database answers again: %s", e.toString());
            }
            failing = true;
            return unknown();
        }
    }

    private double[] unknown() {
        double[] row = new double[columns];
        Arrays.fill(row, Double.NaN);
        return row;
    }
}
