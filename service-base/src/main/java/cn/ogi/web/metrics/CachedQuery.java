package cn.ogi.web.metrics;

import cn.ogi.web.sql.Sql;
import java.sql.Connection;
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

    private final Sql database;
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
        this.database = Sql.over(connections::open);
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
        try {
            java.util.Optional<double[]> row = database.statement(sql)
                    .timeout(TIMEOUT_SECONDS)
                    .first(rs -> {
                        double[] read = new double[columns];
                        for (int i = 0; i < columns; i++) {
                            double value = rs.getDouble(i + 1);
                            read[i] = rs.wasNull() ? Double.NaN : value;
                        }
                        return read;
                    });
            if (row.isEmpty()) {
                return unknown();
            }
            failing = false;
            return row.get();
        } catch (RuntimeException e) {
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
