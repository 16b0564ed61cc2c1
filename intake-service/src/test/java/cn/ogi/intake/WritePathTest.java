package cn.ogi.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The 202 path: the agency is answered from memory (the durable copy of the registry is not read — a test holds it
 * locked), and a submission's three rows — the submission, its outbox entry, its audit row — are written by one
 * transaction, together or not at all.
 */
@QuarkusTest
class WritePathTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestAgencies agencies;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theDirectoryTableIsNotReadOnTheRequestPath() throws Exception {
        String agency = agencies.register("371502");
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                // any statement reading known_agency (or the cursor) would now wait for this transaction to end
                s.execute("LOCK TABLE known_agency, directory_cursor IN ACCESS EXCLUSIVE MODE");
            }
            try {
                int single = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                                .body(TestReports.json(TestReports.balanced(agency, 2023)))
                                .post("/api/v1/submissions")
                                .statusCode())
                        .get(60, TimeUnit.SECONDS);
                assertEquals(202, single);
                String batch = CompletableFuture.supplyAsync(() -> given().contentType("application/x-ndjson")
                                .body(ndjson(agency, 2021, 2022).getBytes(StandardCharsets.UTF_8))
                                .post("/api/v1/submissions/batch")
                                .asString())
                        .get(60, TimeUnit.SECONDS);
                assertTrue(batch.contains("\"accepted\":2"), batch);
            } finally {
                lock.rollback();
            }
        }
    }

    @Test
    void aSubmissionItsOutboxEntryAndItsAuditRowAreOneTransaction() {
        String agency = agencies.register("371502");
        String id = given().contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(agency, 2023)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        List<String> writers = writers(id);
        assertEquals(3, writers.size(), "submission, outbox entry and audit row: " + writers);
        assertEquals(1, writers.stream().distinct().count(), "one transaction wrote all three: " + writers);
    }

    @Test
    void aBatchChunkIsOneTransactionToo() throws Exception {
        String agency = agencies.register("371502");
        String answer = given().contentType("application/x-ndjson")
                .body(ndjson(agency, 2021, 2022, 2023).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/submissions/batch")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> writers = new ArrayList<>();
        for (String line : answer.lines().toList()) {
            var result = JSON.readTree(line);
            if (result.has("id")) {
                writers.addAll(writers(result.get("id").asText()));
            }
        }
        assertEquals(9, writers.size(), answer);
        assertEquals(1, writers.stream().distinct().count(), "the chunk's nine rows, one transaction: " + writers);
    }

    @Test
    void whenTheAuditRowCannotBeWrittenNothingIsStored() throws Exception {
        String agency = agencies.register("371502");
        refusingInserts("audit_event", "NEW.detail ->> 'agencyCode' = '" + agency + "'", () -> {
            int status = given().contentType(ContentType.JSON)
                    .body(TestReports.json(TestReports.balanced(agency, 2023)))
                    .post("/api/v1/submissions")
                    .statusCode();
            assertNotEquals(202, status);
        });
        assertNothingStoredFor(agency);
    }

    @Test
    void whenTheOutboxEntryCannotBeWrittenNothingIsStored() throws Exception {
        String agency = agencies.register("371502");
        refusingInserts("outbox", "true", () -> {
            int status = given().contentType(ContentType.JSON)
                    .body(TestReports.json(TestReports.balanced(agency, 2023)))
                    .post("/api/v1/submissions")
                    .statusCode();
            assertNotEquals(202, status);
            String batch = given().contentType("application/x-ndjson")
                    .body(ndjson(agency, 2021, 2022).getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/submissions/batch")
                    .asString();
            assertTrue(batch.contains("\"accepted\":0"), batch);
        });
        assertNothingStoredFor(agency);
    }

    private void assertNothingStoredFor(String agency) {
        assertEquals(
                0,
                agencies.count("SELECT count(*) FROM submission WHERE agency_code = '" + agency + "'"),
                "submission");
        assertEquals(
                0,
                agencies.count("SELECT count(*) FROM audit_event WHERE action = 'submission.accepted'"
                        + " AND detail ->> 'agencyCode' = '" + agency + "'"),
                "audit row");
        assertEquals(
                0,
                agencies.count("SELECT count(*) FROM outbox o JOIN submission s ON s.id = o.submission_id"
                        + " WHERE s.agency_code = '" + agency + "'"),
                "outbox entry");
    }

    /** The transaction ids that wrote a submission's rows (xmin of the submission, its outbox entry, its audit row). */
    private List<String> writers(String id) {
        List<String> xids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("""
                        SELECT CAST(xmin AS text) FROM submission WHERE id = CAST(? AS uuid)
                        UNION ALL SELECT CAST(xmin AS text) FROM outbox WHERE submission_id = CAST(? AS uuid)
                        UNION ALL SELECT CAST(xmin AS text) FROM audit_event
                            WHERE action = 'submission.accepted' AND target_key = ?""")) {
            for (int i = 1; i <= 3; i++) {
                q.setString(i, id);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    xids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return xids;
    }

    /** Runs {@code work} while a trigger refuses the table's inserts that meet {@code condition}. */
    private void refusingInserts(String table, String condition, Runnable work) throws SQLException {
        String trigger = "test_refuse_" + table;
        execute("CREATE OR REPLACE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN" + " IF "
                + condition + " THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$");
        execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON " + table + " FOR EACH ROW EXECUTE FUNCTION " + trigger
                + "()");
        try {
            work.run();
        } finally {
            execute("DROP TRIGGER " + trigger + " ON " + table);
            execute("DROP FUNCTION " + trigger + "()");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String ndjson(String agency, int... years) {
        StringBuilder lines = new StringBuilder();
        for (int year : years) {
            lines.append(TestReports.json(TestReports.balanced(agency, year)).toString())
                    .append('\n');
        }
        return lines.toString();
    }
}
