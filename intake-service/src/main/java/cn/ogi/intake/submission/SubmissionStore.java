package cn.ogi.intake.submission;

import cn.ogi.form.rules.FindingsJson;
import cn.ogi.web.audit.AuditTrail;
import cn.ogi.web.sql.Sql;
import cn.ogi.web.sql.SqlStatement;
import cn.ogi.web.tracing.Traceparents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Submissions, their outbox entries and the audit rows of their acceptance in PostgreSQL: a whole chunk of a batch,
 * like a single submission, is one statement. Every method joins the caller's transaction if there is one.
 */
@ApplicationScoped
public class SubmissionStore {

    @Inject
    Sql sql;

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
        SqlStatement insert = sql.statement(INSERT)
                .bind("receivedAt", receivedAt)
                // the trace of the request being answered 202, continued by the relay's delivery span
                .bind("traceparent", Traceparents.current())
                .bind("subject", by.actor().subject())
                .bind("roles", by.actor().roles())
                .bind("callerJurisdiction", by.actor().jurisdiction())
                .bind("action", action)
                .bind("targetType", targetType)
                .bind("clientAddress", by.clientAddress());
        SubmissionColumns.of(submissions).bindTo(insert);
        Set<UUID> stored = new HashSet<>(insert.list(rs -> Sql.uuid(rs, 1)));
        return submissions.stream()
                .map(Accepting::id)
                .map(id -> stored.contains(id) ? id : null)
                .toList();
    }

    /**
     * The rows in line order ({@code ord}): the first of two lines with one key wins, as the audit rows follow the
     * lines. {@code received} is the one time of the chunk, for the submission and its outbox entry alike, and the
     * outbox entries keep the traceparent of the request (one for the whole chunk).
     */
    private static final String INSERT = """
            WITH incoming AS (
                SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:keys AS text[]), CAST(:hashes AS text[]),
                        CAST(:agencies AS text[]), CAST(:years AS int4[]), CAST(:sources AS text[]),
                        CAST(:reports AS text[]), CAST(:texts AS text[]), CAST(:expected AS int4[]),
                        CAST(:submitters AS text[]), CAST(:findings AS text[]), CAST(:imported AS bool[]),
                        CAST(:originals AS bytea[]), CAST(:mediaTypes AS text[]), CAST(:originalHashes AS text[]),
                        CAST(:jurisdictions AS text[]), CAST(:details AS text[]))
                    WITH ORDINALITY AS i (id, idempotency_key, body_sha256, agency_code, year, source, report,
                        original_text, expected_version, submitted_by, findings, imported_history, original_bytes,
                        original_media_type, original_sha256, target_jurisdiction, audit_detail, ord)
            ), received AS (
                SELECT CAST(:receivedAt AS timestamptz) AS at
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
                SELECT s.id, s.received_at, s.received_at, i.agency_code, i.year, CAST(:traceparent AS text)
                FROM stored s JOIN incoming i ON i.id = s.id
                ORDER BY i.ord
            ), audited AS (
                INSERT INTO audit_event (subject, roles, caller_jurisdiction, action, target_type, target_key,
                    target_jurisdiction, client_address, detail)
                SELECT CAST(:subject AS text), CAST(:roles AS text), CAST(:callerJurisdiction AS text),
                    CAST(:action AS text), CAST(:targetType AS text), CAST(i.id AS text), i.target_jurisdiction,
                    CAST(:clientAddress AS text), CAST(i.audit_detail AS jsonb)
                FROM stored s JOIN incoming i ON i.id = s.id
                ORDER BY i.ord
            )
            SELECT id FROM stored""";

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KeyedSubmission> byIdempotencyKey(String submittedBy, String key) {
        return sql.statement("""
                        SELECT id, body_sha256 FROM submission
                        WHERE submitted_by = :submittedBy AND idempotency_key = :key""")
                .bind("submittedBy", submittedBy)
                .bind("key", key)
                .first(rs -> new KeyedSubmission(Sql.uuid(rs, 1), rs.getString(2)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SubmissionView> view(UUID id) {
        return sql.statement("""
                        SELECT id, status, agency_code, year, source, submitted_by, received_at, version, unchanged,
                               rejection, settled_at, CAST(findings AS text)
                        FROM submission WHERE id = :id""")
                .bind("id", id)
                .first(rs -> new SubmissionView(
                        Sql.uuid(rs, 1),
                        SubmissionStatus.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        Sql.timestamp(rs, 7),
                        Sql.integer(rs, 8),
                        (Boolean) rs.getObject(9),
                        rs.getString(10),
                        Sql.timestamp(rs, 11),
                        FindingsJson.decode(rs.getString(12))));
    }

    /**
     * Settles delivered and refused submissions: their final state, version or rejection and findings, in one
     * statement. Joins the caller's transaction (the relay's claim), so that the state is written together with
     * the removal of the outbox entries.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settle(List<Settlement> settled) {
        if (settled.isEmpty()) {
            return;
        }
        // one statement for the whole claim: the settlements as arrays, unnest-ed into the rows they update
        sql.statement("""
                        UPDATE submission s SET status = u.status, version = u.version, unchanged = u.unchanged,
                            rejection = u.rejection, findings = CAST(u.findings AS jsonb), settled_at = now()
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:statuses AS text[]), CAST(:versions AS int[]),
                                CAST(:unchanged AS boolean[]), CAST(:rejections AS text[]), CAST(:findings AS text[]))
                            AS u (id, status, version, unchanged, rejection, findings)
                        WHERE s.id = u.id""")
                .bind("ids", settled.stream().map(Settlement::submission).toArray(UUID[]::new))
                .bind("statuses", settled.stream().map(s -> s.status().name()).toArray(String[]::new))
                .bind(
                        "versions",
                        settled.stream()
                                .map(s -> s instanceof Settlement.Delivered d ? d.version() : null)
                                .toArray(Integer[]::new))
                .bind("unchanged", unchanged(settled))
                .bind(
                        "rejections",
                        settled.stream()
                                .map(s -> s instanceof Settlement.Rejected r ? r.reason() : null)
                                .toArray(String[]::new))
                .bind(
                        "findings",
                        settled.stream()
                                .map(s -> FindingsJson.encode(s.findings()))
                                .toArray(String[]::new))
                .update();
    }

    /** Whether each delivered submission made no new version; null for a rejected one. */
    private static Boolean[] unchanged(List<Settlement> settled) {
        Boolean[] unchanged = new Boolean[settled.size()];
        for (int i = 0; i < unchanged.length; i++) {
            if (settled.get(i) instanceof Settlement.Delivered d) {
                unchanged[i] = d.unchanged();
            }
        }
        return unchanged;
    }
}
