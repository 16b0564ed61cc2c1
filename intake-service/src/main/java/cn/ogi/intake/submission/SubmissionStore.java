package cn.ogi.intake.submission;

import cn.ogi.form.rules.FindingsJson;
import cn.ogi.web.audit.AuditTrail;
import cn.ogi.web.tracing.Traceparents;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Submissions, their outbox entries and the audit rows of their acceptance in PostgreSQL: a whole chunk of a batch,
 * like a single submission, is one statement. Every method joins the caller's transaction if there is one.
 */
@ApplicationScoped
public class SubmissionStore {

    @Inject
    AgroalDataSource dataSource;

    /** A stored submission's identity and body hash, to answer a repeated Idempotency-Key. */
    public record KeyedSubmission(UUID id, String bodySha256) {}

    /** A submission to store with the audit row that records its acceptance (written only if it is stored). */
    public record Accepting(UUID id, NewSubmission submission, String targetJurisdiction, String auditDetailJson) {}

    /** Who the audit rows name: the submitter's subject, roles and jurisdiction claim, and its client address. */
    public record Recorder(AuditTrail.Actor actor, String clientAddress) {}

    /**
     * One statement, so one round trip and — outside a transaction — one commit: every row goes in as arrays
     * ({@code unnest}), and data-modifying CTEs write each submission, its outbox entry and its audit row together
     * or not at all. Returns the ids stored, in the order given, or null for a submission whose (submitter,
     * Idempotency-Key) was already taken, also by a concurrent request: PostgreSQL's ON CONFLICT waits for that one
     * to commit or roll back. Joins the caller's transaction if there is one.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> insert(
            List<Accepting> submissions, OffsetDateTime receivedAt, String action, String targetType, Recorder by) {
        Timestamp at = Timestamp.from(receivedAt.toInstant());
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(INSERT)) {
            int p = SubmissionColumns.of(submissions).bind(c, insert);
            insert.setTimestamp(p++, at);
            // the trace of the request being answered 202, continued by the relay's delivery span
            insert.setString(p++, Traceparents.current());
            insert.setString(p++, by.actor().subject());
            insert.setString(p++, by.actor().roles());
            insert.setString(p++, by.actor().jurisdiction());
            insert.setString(p++, action);
            insert.setString(p++, targetType);
            insert.setString(p, by.clientAddress());
            java.util.Set<UUID> stored = new java.util.HashSet<>();
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getObject(1, UUID.class));
                }
            }
            return submissions.stream()
                    .map(Accepting::id)
                    .map(id -> stored.contains(id) ? id : null)
                    .toList();
        } catch (SQLException e) {
            throw new IllegalStateException("storing submissions failed: " + e.getMessage(), e);
        }
    }

    /**
     * The rows in line order ({@code ord}): the first of two lines with one key wins, as the audit rows follow the
     * lines. {@code received} is the one time of the chunk, for the submission and its outbox entry alike, and the
     * outbox entries keep the traceparent of the request (one for the whole chunk).
     */
    private static final String INSERT = """
            WITH incoming AS (
                SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                        CAST(? AS int4[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS int4[]),
                        CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bool[]), CAST(? AS bytea[]), CAST(? AS text[]),
                        CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                    WITH ORDINALITY AS i (id, idempotency_key, body_sha256, agency_code, year, source, report,
                        original_text, expected_version, submitted_by, findings, imported_history, original_bytes,
                        original_media_type, original_sha256, target_jurisdiction, audit_detail, ord)
            ), received AS (
                SELECT CAST(? AS timestamptz) AS at
            ), stored AS (
                INSERT INTO submission (id, idempotency_key, body_sha256, agency_code, year, source, report,
                    original_text, expected_version, submitted_by, received_at, status, findings, imported_history,
                    original_bytes, original_media_type, original_sha256)
                SELECT i.id, i.idempotency_key, i.body_sha256, i.agency_code, i.year, i.source, CAST(i.report AS jsonb),
                    i.original_text, i.expected_version, i.submitted_by, r.at, 'RECEIVED', CAST(i.findings AS jsonb),
                    i.imported_history, i.original_bytes, i.original_media_type, i.original_sha256
                FROM incoming i CROSS JOIN received r
                ORDER BY i.ord
                ON CONFLICT (submitted_by, idempotency_key) DO NOTHING
                RETURNING id, received_at
            ), queued AS (
                INSERT INTO outbox (submission_id, created_at, next_attempt_at, agency_code, year, traceparent)
                SELECT s.id, s.received_at, s.received_at, i.agency_code, i.year, ?
                FROM stored s JOIN incoming i ON i.id = s.id
                ORDER BY i.ord
            ), audited AS (
                INSERT INTO audit_event (subject, roles, caller_jurisdiction, action, target_type, target_key,
                    target_jurisdiction, client_address, detail)
                SELECT ?, ?, ?, ?, ?, CAST(i.id AS text), i.target_jurisdiction, ?, CAST(i.audit_detail AS jsonb)
                FROM stored s JOIN incoming i ON i.id = s.id
                ORDER BY i.ord
            )
            SELECT id FROM stored""";

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
                        SubmissionStatus.valueOf(rs.getString(2)),
                        rs.getString(3).strip(),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        time(rs, 7),
                        (Integer) rs.getObject(8),
                        (Boolean) rs.getObject(9),
                        rs.getString(10),
                        time(rs, 11),
                        FindingsJson.decode(rs.getString(12))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Settles delivered and refused submissions: their final state, version or rejection and findings, in one
     * statement batch. Joins the caller's transaction (the relay's claim), so that the state is written together with
     * the removal of the outbox entries.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settle(List<Settlement> settled) {
        if (settled.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("""
                        UPDATE submission SET status = ?, version = ?, unchanged = ?, rejection = ?,
                            findings = CAST(? AS jsonb), settled_at = now()
                        WHERE id = ?""")) {
            for (Settlement s : settled) {
                u.setString(1, s.status().name());
                u.setObject(2, s instanceof Settlement.Delivered d ? d.version() : null);
                u.setObject(3, s instanceof Settlement.Delivered d ? d.unchanged() : null);
                u.setString(4, s instanceof Settlement.Rejected r ? r.reason() : null);
                u.setString(5, FindingsJson.encode(s.findings()));
                u.setObject(6, s.submission());
                u.addBatch();
            }
            u.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("settling submissions failed: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }
}
