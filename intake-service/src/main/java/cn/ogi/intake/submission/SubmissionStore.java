package cn.ogi.intake.submission;

import cn.ogi.form.rules.Finding;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Submissions and their outbox rows in PostgreSQL, with plain JDBC batches (a batch of a thousand
 * reports is two round trips). Every method joins the caller's transaction.
 */
@ApplicationScoped
public class SubmissionStore {

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {};

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /** A stored submission's identity and body hash, to answer a repeated Idempotency-Key. */
    public record KeyedSubmission(UUID id, String bodySha256) {}

    /**
     * Stores the submissions and one outbox row each, and returns their ids in the order given, or
     * null for a submission whose (submitter, Idempotency-Key) was already taken, also by a
     * concurrent request: PostgreSQL's ON CONFLICT waits for that one to commit or roll back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> insert(List<NewSubmission> submissions, OffsetDateTime receivedAt) {
        List<UUID> ids = new ArrayList<>(submissions.size());
        Timestamp at = Timestamp.from(receivedAt.toInstant());
        try (Connection c = dataSource.getConnection();
                PreparedStatement submission = c.prepareStatement("""
                        INSERT INTO submission (id, idempotency_key, body_sha256, agency_code, year, source, report,
                            original_text, expected_version, submitted_by, received_at, status, findings, imported_history,
                            original_bytes, original_media_type, original_sha256)
                        VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, 'RECEIVED', CAST(? AS jsonb), ?, ?, ?, ?)
                        ON CONFLICT (submitted_by, idempotency_key) DO NOTHING""");
                PreparedStatement outbox = c.prepareStatement("""
                        INSERT INTO outbox (submission_id, created_at, next_attempt_at)
                        SELECT id, received_at, received_at FROM submission WHERE id = ANY(?)
                        RETURNING submission_id""")) {
            for (NewSubmission s : submissions) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                submission.setObject(1, id);
                submission.setString(2, s.idempotencyKey());
                submission.setString(3, s.bodySha256());
                submission.setString(4, s.agencyCode());
                submission.setInt(5, s.year());
                submission.setString(6, s.source());
                submission.setString(7, s.canonicalJson());
                submission.setString(8, s.originalText());
                submission.setObject(9, s.expectedVersion());
                submission.setString(10, s.submittedBy());
                submission.setTimestamp(11, at);
                submission.setString(12, findingsJson(s.findings()));
                submission.setBoolean(13, s.importedHistory());
                PublishedOriginal original = s.original();
                submission.setBytes(14, original == null ? null : original.bytes());
                submission.setString(15, original == null ? null : original.mediaType());
                submission.setString(16, original == null ? null : original.sha256());
                submission.addBatch();
            }
            submission.executeBatch();
            outbox.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            java.util.Set<UUID> stored = new java.util.HashSet<>();
            try (ResultSet rs = outbox.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getObject(1, UUID.class));
                }
            }
            return ids.stream().map(id -> stored.contains(id) ? id : null).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("storing submissions failed: " + e.getMessage(), e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KeyedSubmission> byIdempotencyKey(String submittedBy, String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT id, body_sha256 FROM submission WHERE submitted_by = ? AND idempotency_key = ?")) {
            q.setString(1, submittedBy);
            q.setString(2, key);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next()
                        ? Optional.of(new KeyedSubmission(
                                rs.getObject(1, UUID.class), rs.getString(2).strip()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SubmissionView> view(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("""
                        SELECT id, status, agency_code, year, source, submitted_by, received_at, version, unchanged,
                               rejection, settled_at, CAST(findings AS text)
                        FROM submission WHERE id = ?""")) {
            q.setObject(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SubmissionView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3).strip(),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        time(rs, 7),
                        (Integer) rs.getObject(8),
                        (Boolean) rs.getObject(9),
                        rs.getString(10),
                        time(rs, 11),
                        findings(rs.getString(12))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String findingsJson(List<Finding> findings) {
        try {
            return json.writeValueAsString(findings == null ? List.of() : findings);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Finding> findings(String stored) {
        try {
            return stored == null ? List.of() : json.readValue(stored, FINDINGS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }
}
