package cn.ogi.intake.outbox;

import cn.ogi.feed.VersionReceipt;
import cn.ogi.intake.metrics.IntakeMetrics;
import cn.ogi.intake.submission.PublishedOriginal;
import cn.ogi.intake.submission.Settlement;
import cn.ogi.intake.submission.SubmissionStore;
import cn.ogi.web.audit.AuditTrail;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers the due outbox entries in batches: up to {@code intake.relay.batch-size} entries are claimed with FOR
 * UPDATE SKIP LOCKED, so any number of relays (threads or intake instances) never deliver the same entry at once; they
 * go to reporting-service in as few calls as {@code intake.relay.batch-max-bytes} allows ({@link DeliveryCalls}), and
 * each entry is settled by its own outcome — delivered, refused, or failed and retried with backoff — all committing
 * together with the removal of the settled entries. A crash (of either side) between reporting-service's commit and
 * this one leaves the entries to be delivered again under the same delivery keys, which reporting-service answers
 * with the versions it already made: delivered once. The versions of one report go in the order they were accepted
 * (the outbox's {@code seq}, line order within an NDJSON chunk): an entry is not claimed while an earlier entry of
 * the same report is still in the outbox, claimed by another relay or waiting for its retry.
 */
@ApplicationScoped
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class);

    @Inject
    Sql sql;

    @Inject
    DeliveryCalls calls;

    @Inject
    TransactionManager transactions;

    @Inject
    SubmissionStore submissions;

    @Inject
    AuditTrail audit;

    @Inject
    IntakeMetrics metrics;

    /** The retry backoff and the batch bounds ({@code intake.relay.*}). */
    @Inject
    RelaySettings settings;

    /** Delivers the next due entries; false when none is due (or all due ones are being delivered). */
    @Transactional
    public boolean deliverNext() {
        List<Claimed> claimed = claim();
        if (claimed.isEmpty()) {
            return false;
        }
        List<Attempt> attempts = outsideTheTransaction(() -> {
            List<Attempt> answered = new ArrayList<>(claimed.size());
            for (List<Claimed> call : calls(claimed)) {
                answered.addAll(calls.deliver(call));
            }
            return answered;
        });
        settle(claimed, attempts);
        // counted before the commit: an attempt whose commit fails is made, and counted, again
        Instant now = Instant.now();
        for (int i = 0; i < claimed.size(); i++) {
            metrics.settled(
                    DeliveryCalls.outcome(attempts.get(i).kind()),
                    Duration.between(claimed.get(i).receivedAt(), now));
        }
        return true;
    }

    /**
     * Runs the calls to reporting-service with this thread's transaction suspended (the claim's row locks stay
     * held: the database transaction goes on), so that the REST client, which may finish a call on another thread,
     * never carries the transaction there: a commit with that second thread still associated fails
     * (ARJUNA012094), and the claim's outcomes would be written again by the next attempt.
     */
    private <T> T outsideTheTransaction(java.util.function.Supplier<T> calls) {
        Transaction claim;
        try {
            claim = transactions.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("cannot suspend the claim's transaction", e);
        }
        T answered;
        try {
            answered = calls.get();
        } catch (RuntimeException e) {
            resume(claim);
            throw e;
        }
        resume(claim);
        return answered;
    }

    private void resume(Transaction claim) {
        try {
            transactions.resume(claim);
        } catch (InvalidTransactionException | SystemException e) {
            throw new IllegalStateException("cannot resume the claim's transaction", e);
        }
    }

    /** The claimed entries split into calls of at most {@code intake.relay.batch-max-bytes} (an entry beyond it alone). */
    private List<List<Claimed>> calls(List<Claimed> claimed) {
        List<List<Claimed>> calls = new ArrayList<>();
        List<Claimed> current = new ArrayList<>();
        long bytes = 0;
        for (Claimed entry : claimed) {
            long size = entry.approximateBytes();
            if (!current.isEmpty() && bytes + size > settings.batchMaxBytes()) {
                calls.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(entry);
            bytes += size;
        }
        calls.add(current);
        return calls;
    }

    /**
     * The due entries in acceptance order, each only while no earlier entry of its report is pending. {@code OFFSET 0}
     * keeps that check a correlated subquery, probed through {@code outbox_report_idx} for each entry the due-order
     * index yields until the claim is full (about 2 ms for 100 of 20,000 pending): as an anti-join, with the outbox's
     * statistics not yet updated after a burst, the planner scanned the whole report index per entry (364 ms).
     */
    private List<Claimed> claim() {
        return sql.statement("""
                        SELECT s.id, s.agency_code, s.year, CAST(s.report AS text), s.source, s.original_text,
                               s.expected_version, s.submitted_by, s.received_at, o.attempts, s.imported_history,
                               s.original_bytes, s.original_media_type, s.original_sha256, o.traceparent
                        FROM outbox o JOIN submission s ON s.id = o.submission_id
                        WHERE o.next_attempt_at <= now()
                          AND NOT EXISTS (SELECT 1 FROM outbox earlier
                                          WHERE earlier.agency_code = o.agency_code AND earlier.year = o.year
                                            AND earlier.seq < o.seq
                                          OFFSET 0)
                        ORDER BY o.next_attempt_at, o.seq
                        LIMIT :batchSize
                        FOR UPDATE OF o SKIP LOCKED""").bind("batchSize", settings.batchSize()).list(OutboxDelivery::claimed);
    }

    private static Claimed claimed(ResultSet rs) throws SQLException {
        byte[] originalBytes = rs.getBytes(12);
        return new Claimed(
                Sql.uuid(rs, 1),
                rs.getString(2),
                rs.getInt(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                Sql.integer(rs, 7),
                rs.getString(8),
                Sql.timestamp(rs, 9).toInstant(),
                rs.getInt(10),
                rs.getBoolean(11),
                originalBytes == null ? null : new PublishedOriginal(originalBytes, rs.getString(13), rs.getString(14)),
                rs.getString(15));
    }

    /**
     * Each entry by its own outcome: a delivered or refused one is settled by the {@link SubmissionStore} and leaves
     * the outbox, a failed one waits for its retry: one statement each for the settlements, the removals and the
     * refusals' audit rows (a statement batch for the retries), whatever the size of the claim.
     */
    private void settle(List<Claimed> claimed, List<Attempt> attempts) {
        List<Settlement> settled = new ArrayList<>(claimed.size());
        List<UUID> removed = new ArrayList<>(claimed.size());
        List<Retry> retried = new ArrayList<>();
        List<AuditTrail.Recorded> rejections = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            Claimed entry = claimed.get(i);
            Attempt attempt = attempts.get(i);
            switch (attempt.kind()) {
                case DELIVERED -> {
                    VersionReceipt receipt = attempt.receipt();
                    settled.add(new Settlement.Delivered(
                            entry.id(), receipt.version(), receipt.unchanged(), receipt.findings()));
                    removed.add(entry.id());
                }
                case REFUSED -> {
                    settled.add(new Settlement.Rejected(entry.id(), attempt.reason(), attempt.findings()));
                    rejections.add(rejection(entry, attempt));
                    removed.add(entry.id());
                }
                case FAILED -> {
                    Duration wait = backoff(entry.attempts() + 1);
                    LOG.debugf(
                            "delivery of %s failed (attempt %d), next in %s: %s",
                            entry.id(), entry.attempts() + 1, wait, attempt.reason());
                    retried.add(new Retry(entry.id(), Instant.now().plus(wait), attempt.reason()));
                }
            }
        }
        if (!settled.isEmpty()) {
            submissions.settle(settled);
            sql.statement("DELETE FROM outbox WHERE submission_id = ANY (CAST(:ids AS uuid[]))")
                    .bind("ids", removed.toArray(UUID[]::new))
                    .update();
        }
        if (!rejections.isEmpty()) {
            audit.recordAll(rejections);
        }
        sql.batch(
                """
                UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error
                WHERE submission_id = :id""",
                retried,
                (retry, row) -> row.bind("next", retry.next())
                        .bind("error", retry.error())
                        .bind("id", retry.submission()));
    }

    /** A failed entry's next attempt. */
    private record Retry(UUID submission, Instant next, String error) {}

    private static AuditTrail.Recorded rejection(Claimed claimed, Attempt attempt) {
        return new AuditTrail.Recorded(
                new AuditTrail.Actor(claimed.submittedBy(), Roles.SERVICE, null),
                new AuditTrail.Entry(
                        "submission.rejected",
                        "submission",
                        claimed.id().toString(),
                        null,
                        Map.of(
                                "agencyCode",
                                claimed.agencyCode(),
                                "year",
                                claimed.year(),
                                "reason",
                                String.valueOf(attempt.reason()))));
    }

    /** Exponential backoff from the first retry, doubling per attempt, capped. */
    Duration backoff(int attempts) {
        Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
    }
}
