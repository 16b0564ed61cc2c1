package cn.ogi.web.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ogi.web.Outages;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The helper's failures keep what Outages reads; the database itself is tested through the services. */
class SqlOutageTest {

    @Test
    void aLostDatabaseIsStillAnOutageThroughTheHelper() {
        Sql sql = Sql.over(() -> {
            throw new SQLException("Connection refused", "08001");
        });
        SqlFailure failure =
                assertThrows(SqlFailure.class, () -> sql.statement("SELECT 1").first(rs -> rs.getInt(1)));
        assertEquals(Optional.of(Outages.Kind.DATABASE), Outages.classify(failure));
        assertEquals("08001", failure.sqlState());
    }

    @Test
    void aFailingStatementIsNoOutage() {
        Sql sql = Sql.over(() -> {
            throw new SQLException("duplicate key value violates unique constraint", "23505");
        });
        SqlFailure failure = assertThrows(
                SqlFailure.class,
                () -> sql.batch("INSERT INTO t VALUES (:v)", List.of(1), (v, row) -> {
                    row.bind("v", v);
                }));
        assertEquals(Optional.empty(), Outages.classify(failure));
    }

    @Test
    void aNameLeftUnboundFailsBeforeTheDatabase() {
        Sql sql = Sql.over(() -> {
            throw new AssertionError("no connection is needed to find the defect");
        });
        assertThrows(
                IllegalArgumentException.class,
                () -> sql.statement("SELECT :a, :b").bind("a", 1).update());
        assertThrows(
                IllegalArgumentException.class,
                () -> sql.statement("SELECT :a").bind("a", 1).bind("c", 2).update());
    }
}
