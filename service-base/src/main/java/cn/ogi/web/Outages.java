package cn.ogi.web;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Tells an outage (the database unreachable or its pool exhausted, another service down) from a defect, by the
 * exception's cause chain. An outage is answered 503 with {@code Retry-After}; the request may succeed later
 * unchanged. Everything else unexpected stays a 500 with an incident id.
 */
public final class Outages {

    /** What is unavailable, for the problem's detail. */
    public enum Kind {
        DATABASE("the database is unavailable"),
        SERVICE("a service this request needs is unavailable");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private Outages() {}

    public static Optional<Kind> classify(Throwable error) {
        return classify(error, 0);
    }

    /**
     * Causes, and suppressed exceptions too: a commit that fails because the connection broke arrives as a
     * RollbackException whose SQLException is suppressed, not a cause.
     */
    private static Optional<Kind> classify(Throwable error, int level) {
        if (level > 3) {
            return Optional.empty();
        }
        int depth = 0;
        for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
            for (Throwable suppressed : t.getSuppressed()) {
                Optional<Kind> kind = classify(suppressed, level + 1);
                if (kind.isPresent()) {
                    return kind;
                }
            }
            if (t instanceof SQLException sql && databaseOutage(sql)) {
                return Optional.of(Kind.DATABASE);
            }
            if (t instanceof ConnectException
                    || t instanceof HttpConnectTimeoutException
                    || t instanceof SocketTimeoutException
                    || t instanceof TimeoutException
                    || isNamed(t, "io.vertx.core.http.HttpClosedException")
                    || isNamed(t, "io.netty.channel.ConnectTimeoutException")) {
                return Optional.of(Kind.SERVICE);
            }
        }
        return Optional.empty();
    }

    /**
     * SQLSTATE class 08 (connection exception), 53 (insufficient resources: too many connections), 57P01–57P03
     * (the server shutting down or starting), a database that takes no connections now, an I/O failure of the
     * driver, or Agroal's acquisition timeout (the pool exhausted or no connection can be made).
     */
    static boolean databaseOutage(SQLException e) {
        String state = e.getSQLState();
        if (state != null
                && (state.startsWith("08")
                        || state.startsWith("53")
                        || state.equals("57P01")
                        || state.equals("57P02")
                        || state.equals("57P03"))) {
            return true;
        }
        String message = String.valueOf(e.getMessage());
        return e instanceof SQLTransientConnectionException
                // 55000 on connecting: the database exists but takes no connections (ALLOW_CONNECTIONS false)
                || message.contains("not currently accepting connections")
                || message.contains("pool is shutting down") // the service is stopping
                || message.contains("Acquisition timeout")
                || message.contains("This connection has been closed")
                || message.contains("An I/O error occurred");
    }

    private static boolean isNamed(Throwable t, String className) {
        return t.getClass().getName().equals(className);
    }
}
