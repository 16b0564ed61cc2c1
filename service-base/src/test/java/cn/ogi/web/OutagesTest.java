package cn.ogi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutagesTest {

    @Test
    void tellsOutagesFromDefects() {
        assertEquals(
                Optional.of(Outages.Kind.DATABASE),
                Outages.classify(new IllegalStateException(new SQLException("refused", "08001"))));
        assertEquals(
                Optional.of(Outages.Kind.DATABASE),
                Outages.classify(new RuntimeException(new SQLException("terminating connection", "57P01"))));
        assertEquals(
                Optional.of(Outages.Kind.DATABASE),
                Outages.classify(new SQLException("Acquisition timeout while waiting for new connection")));
        assertEquals(Optional.of(Outages.Kind.SERVICE), Outages.classify(new RuntimeException(new ConnectException())));
        assertEquals(
                Optional.of(Outages.Kind.DATABASE),
                Outages.classify(new SQLException(
                        "FATAL: database \"intake\" is not currently accepting connections", "55000")));
        RuntimeException rollback = new RuntimeException(new IllegalStateException("Could not commit transaction."));
        rollback.getCause().addSuppressed(new Exception(new SQLException("terminating connection", "57P01")));
        assertEquals(Optional.of(Outages.Kind.DATABASE), Outages.classify(rollback));
        assertEquals(Optional.empty(), Outages.classify(new SQLException("syntax error", "42601")));
        assertEquals(Optional.empty(), Outages.classify(new NullPointerException()));
    }
}
