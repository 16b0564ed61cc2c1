package cn.ogi.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.web.Outages;
import cn.ogi.web.sql.Sql;
import cn.ogi.web.sql.SqlFailure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * service-base's JDBC helper ({@code cn.ogi.web.sql.Sql}) against the real PostgreSQL: named parameters, records,
 * batches, arrays, the caller's transaction and failures. Each test works in a temporary table of its own transaction.
 */
@QuarkusTest
class SqlHelperTest {

    record Row(UUID id, String code, Integer year, BigDecimal value) {}

    @Inject
    Sql sql;

    private void table() {
        sql.update("CREATE TEMP TABLE helper_row (id uuid PRIMARY KEY, code text NOT NULL, year integer, value numeric)"
                + " ON COMMIT DROP");
    }

    private List<Row> rows() {
        return sql.statement("SELECT id, code, year, value FROM helper_row ORDER BY code")
                .list(rs -> new Row(Sql.uuid(rs, 1), rs.getString(2), Sql.integer(rs, 3), rs.getBigDecimal(4)));
    }

    @Test
    void aNamedBatchWritesEveryRowAndTheRowsComeBackAsRecords() {
        List<Row> written = List.of(
                new Row(UUID.randomUUID(), "a", 2023, new BigDecimal("1.5")),
                new Row(UUID.randomUUID(), "b", null, null));
        List<Row> read = QuarkusTransaction.requiringNew().call(() -> {
            table();
            sql.batch(
                    "INSERT INTO helper_row (id, code, year, value) VALUES (:id, :code, :year, :value)",
                    written,
                    (r, row) -> row.bind("id", r.id())
                            .bind("code", r.code())
                            .bind("year", r.year())
                            .bind("value", r.value()));
            return rows();
        });
        assertEquals(written, read);
    }

    @Test
    void arraysAreBoundAsSqlArraysForOneMultiRowStatement() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<Row> read = QuarkusTransaction.requiringNew().call(() -> {
            table();
            int inserted = sql.statement("""
                            INSERT INTO helper_row (id, code, year)
                            SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:codes AS text[]), CAST(:years AS int4[]))""")
                    .bind("ids", new UUID[] {first, second})
                    .bind("codes", Sql.texts(List.of("x", "y")))
                    .bind("years", Sql.ints(List.of(2021, 2022)))
                    .update();
            assertEquals(2, inserted);
            return rows();
        });
        assertEquals(List.of(new Row(first, "x", 2021, null), new Row(second, "y", 2022, null)), read);
    }

    @Test
    void aRepeatedNameAndANullParameterMeanWhatTheyShould() {
        String sql = "SELECT count(*) FROM generate_series(1, 5) g WHERE CAST(:max AS integer) IS NULL OR g <= :max";
        assertEquals(
                3L,
                this.sql
                        .statement(sql)
                        .bind("max", 3)
                        .first(rs -> rs.getLong(1))
                        .orElseThrow());
        assertEquals(
                5L,
                this.sql
                        .statement(sql)
                        .bind("max", null)
                        .first(rs -> rs.getLong(1))
                        .orElseThrow());
        assertEquals(
                Optional.empty(), this.sql.statement("SELECT 1 WHERE false").first(rs -> rs.getInt(1)));
    }

    @Test
    void everyCallJoinsTheCallersTransactionAndRollsBackWithIt() {
        UUID id = UUID.randomUUID();
        sql.update("CREATE TABLE IF NOT EXISTS sql_helper_probe (id uuid PRIMARY KEY)");
        assertThrows(
                IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    sql.statement("INSERT INTO sql_helper_probe (id) VALUES (:id)")
                            .bind("id", id)
                            .update();
                    long seen = sql.statement("SELECT count(*) FROM sql_helper_probe WHERE id = :id")
                            .bind("id", id)
                            .first(rs -> rs.getLong(1))
                            .orElseThrow();
                    assertEquals(1L, seen, "a later statement of the transaction sees the earlier one's row");
                    throw new IllegalStateException("roll back");
                }));
        assertEquals(
                0L,
                sql.statement("SELECT count(*) FROM sql_helper_probe WHERE id = :id")
                        .bind("id", id)
                        .first(rs -> rs.getLong(1))
                        .orElseThrow());
        sql.update("DROP TABLE sql_helper_probe");
    }

    @Test
    void aFailingStatementIsAFailureWithItsSqlStateAndNoOutage() {
        SqlFailure failure = assertThrows(
                SqlFailure.class,
                () -> sql.statement("SELECT * FROM no_such_table").list(rs -> 1));
        assertEquals("42P01", failure.sqlState());
        assertTrue(Outages.classify(failure).isEmpty(), "a defect is answered 500, not 503");
    }
}
