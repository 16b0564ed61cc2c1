package cn.ogi.intake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A failed batch insert (the way a chunk of a batch is stored) must not carry the values it inserted into its
 * exception's message, which BatchStorage logs: that would be a report body in a log line.
 */
@QuarkusTest
class LogHygieneTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aFailedBatchInsertDoesNotNameItsValues() throws SQLException {
        String secret = "{\"agencyCode\": \"report body that must stay out of the log\"}";
        try (Connection c = dataSource.getConnection();
                Statement ddl = c.createStatement()) {
            ddl.execute("CREATE TEMPORARY TABLE log_hygiene (id int PRIMARY KEY, body text)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO log_hygiene VALUES (?, ?)")) {
                for (int i = 0; i < 2; i++) {
                    insert.setInt(1, 1);
                    insert.setString(2, secret);
                    insert.addBatch();
                }
                SQLException failure = assertThrows(SQLException.class, insert::executeBatch);
                String said = failure + " " + failure.getNextException();
                assertTrue(said.contains("Batch entry"), said);
                assertFalse(said.contains("report body"), "the inserted values are not in: " + said);
            }
        }
    }
}
