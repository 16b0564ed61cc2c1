package cn.ogi.intake.submission;

import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.rules.Finding;
import cn.ogi.web.audit.AuditTrail;
import cn.ogi.web.auth.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Accepts checked reports: the submission, its outbox entry and the audit row of its acceptance are committed
 * together, in one statement, before the answer, so an accepted report is never lost; a repeated Idempotency-Key
 * finds the first one.
 */
@ApplicationScoped
public class Submissions {

    @Inject
    SubmissionStore store;

    @Inject
    AuditTrail audit;

    private final ReportJson json = ReportJson.standard();

    /** What became of one checked report: stored (accepted now, or found as an idempotent repeat), or refused. */
    public sealed interface Outcome {}

    /** The report is stored; {@link #created()}: by this request (false: an idempotent repeat of an earlier one). */
    public sealed interface Stored extends Outcome {

        SubmissionView submission();

        default boolean created() {
            return this instanceof Accepted;
        }
    }

    /** Stored by this request, to be delivered. */
    public record Accepted(SubmissionView submission) implements Stored {}

    /** The Idempotency-Key was used before with the same content: the first submission, nothing stored again. */
    public record Repeated(SubmissionView submission) implements Stored {}

    /** The Idempotency-Key was used before with another content ({@code first}); nothing was stored for this one. */
    public record KeyReused(String idempotencyKey, UUID first) implements Outcome {

        /** What the submitter reads. */
        public String explanation() {
            return "Idempotency-Key " + idempotencyKey + " was already used with a different body (submission " + first
                    + "); use a new key for a different report";
        }
    }

    /**
     * A checked report, the jurisdiction of its agency, and how it came (importedHistory: an admin's mark);
     * {@code original}: the document as published (a PDF, HTML, …), null for JSON submissions; {@code canonical}:
     * the report's canonical JSON when the caller has written it already (a batch line, for its content key), else
     * null and written when stored — once either way.
     */
    public record Incoming(
            AnnualReport report,
            String jurisdiction,
            String source,
            String originalText,
            String idempotencyKey,
            String submittedBy,
            Integer expectedVersion,
            List<Finding> findings,
            boolean importedHistory,
            PublishedOriginal original,
            String canonical) {}

    /**
     * Stores one checked report (nothing when its Idempotency-Key was used with another body). Outside any
     * transaction: the one statement of {@link SubmissionStore#insert} commits by itself (one round trip for the 202).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Outcome store(Incoming incoming, Scope scope) {
        return storeAll(List.of(incoming), scope).get(0);
    }

    /**
     * Stores a chunk of checked reports, each with its outbox entry and an audit entry, in one statement that
     * commits by itself: all of the chunk or none of it.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<Outcome> storeAll(List<Incoming> incoming, Scope scope) {
        List<NewSubmission> rows = incoming.stream().map(this::row).toList();
        OffsetDateTime receivedAt = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        List<SubmissionStore.Accepting> accepting = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            NewSubmission row = rows.get(i);
            accepting.add(new SubmissionStore.Accepting(
                    UUID.randomUUID(), row, incoming.get(i).jurisdiction(), audit.detailJson(acceptedDetail(row))));
        }
        List<UUID> ids = store.insert(
                accepting,
                receivedAt,
                ACCEPTED,
                "submission",
                new SubmissionStore.Recorder(AuditTrail.Actor.of(scope), audit.clientAddress()));
        List<Outcome> stored = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            UUID id = ids.get(i);
            NewSubmission row = rows.get(i);
            stored.add(id != null ? new Accepted(received(id, row, receivedAt)) : repeated(row));
        }
        return stored;
    }

    /** The audit trail's action for an accepted submission. */
    static final String ACCEPTED = "submission.accepted";

    private static Map<String, Object> acceptedDetail(NewSubmission row) {
        return row.importedHistory()
                ? Map.of(
                        "agencyCode",
                        row.agencyCode(),
                        "year",
                        row.year(),
                        "source",
                        row.source(),
                        "importedHistory",
                        true)
                : Map.of("agencyCode", row.agencyCode(), "year", row.year(), "source", row.source());
    }

    private Outcome repeated(NewSubmission row) {
        SubmissionStore.KeyedSubmission first = store.byIdempotencyKey(row.submittedBy(), row.idempotencyKey())
                .orElseThrow(() -> new IllegalStateException("idempotency key vanished: " + row.idempotencyKey()));
        if (!first.bodySha256().equals(row.bodySha256())) {
            return new KeyReused(row.idempotencyKey(), first.id());
        }
        return new Repeated(store.view(first.id()).orElseThrow());
    }

    private static SubmissionView received(UUID id, NewSubmission row, OffsetDateTime receivedAt) {
        return new SubmissionView(
                id,
                SubmissionStatus.RECEIVED,
                row.agencyCode(),
                row.year(),
                row.source(),
                row.submittedBy(),
                receivedAt,
                null,
                null,
                null,
                null,
                row.findings());
    }

    private NewSubmission row(Incoming in) {
        AnnualReport report = in.report();
        String canonical = in.canonical() != null ? in.canonical() : json.canonicalString(report);
        // the content hash that decides whether a repeated Idempotency-Key carries the same body: the document as
        // published when there is one, else the text as sent, else the canonical report
        String sha = in.original() != null
                ? in.original().sha256()
                : "text".equals(in.source()) ? ReportJson.sha256(in.originalText()) : ReportJson.sha256(canonical);
        return new NewSubmission(
                report.agencyCode(),
                report.year(),
                canonical,
                in.source(),
                in.originalText(),
                in.idempotencyKey(),
                sha,
                in.submittedBy(),
                in.expectedVersion(),
                in.findings(),
                in.importedHistory(),
                in.original());
    }
}
