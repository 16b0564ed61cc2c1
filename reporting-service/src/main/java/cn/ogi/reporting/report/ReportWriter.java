package cn.ogi.reporting.report;

import cn.ogi.feed.ChangeType;
import cn.ogi.feed.VersionReceipt;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.FindingsJson;
import cn.ogi.form.rules.RuleEngine;
import cn.ogi.form.rules.Severity;
import cn.ogi.reporting.feed.ChangeFeed;
import cn.ogi.web.Caller;
import cn.ogi.web.audit.AuditTrail;
import cn.ogi.web.sql.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The write path of reports: turns a delivery into a new immutable version, exactly once.
 * Writes to one report serialize on its row lock, so version numbers have no gaps or duplicates.
 */
@ApplicationScoped
public class ReportWriter {

    @Inject
    ChangeFeed feed;

    @Inject
    ReportCodec codec;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    PublishedOriginals originals;

    @Inject
    Sql sql;

    private final RuleEngine rules = RuleEngine.standard();

    /**
     * One delivery: its outcome, stored or refused (then nothing is written). A body that cannot be a delivery at all
     * is refused by {@link #prepare}'s problem, thrown before anything is read or written. The same path as a batch's
     * ({@link DeliveryBatch}) with one delivery in it.
     */
    @Transactional
    public DeliveryOutcome deliver(
            String agencyCode, int year, String deliveryKey, Integer expectedVersion, VersionSubmission submission) {
        Prepared prepared = prepare(agencyCode, year, submission);
        Registered agency = agencies(List.of(agencyCode)).get(agencyCode);
        if (agency == null) {
            return new DeliveryOutcome.UnknownAgency(agencyCode);
        }
        Batch batch = open(List.of(new ReportKey(agencyCode, year)), List.of(deliveryKey));
        Written written = write(prepared, deliveryKey, expectedVersion, agency, batch);
        store(batch);
        if (written.event() != null) {
            feed.append(written.event());
        }
        if (written.outcome() instanceof DeliveryOutcome.Refused) {
            // as a thrown refusal did: nothing of it stays, not even the report row open made for a first one
            QuarkusTransaction.setRollbackOnly();
        }
        return written.outcome();
    }

    /** A delivery read and checked as far as it can be without the database. */
    record Prepared(AnnualReport report, PublishedOriginal original, VersionSubmission submission) {}

    /** What one delivery came to, and the change event to append (null when no version was made). */
    record Written(DeliveryOutcome outcome, ChangeFeed.Event event) {

        static Written refused(DeliveryOutcome.Refused refusal) {
            return new Written(refusal, null);
        }
    }

    /** The report of an agency for a year, as a write transaction locks it. */
    record ReportKey(String agencyCode, int year) {

        /** The order the reports of one transaction are locked in, whatever the deliveries' order. */
        static final Comparator<ReportKey> LOCK_ORDER =
                Comparator.comparing(ReportKey::agencyCode).thenComparingInt(ReportKey::year);

        ReportKey previousYear() {
            return new ReportKey(agencyCode, year - 1);
        }
    }

    /** A report row locked by this transaction: as it was read, then as the transaction's deliveries advance it. */
    static final class LockedReport {
        final long id;
        final String status;
        int latestVersion;
        int errorCount;
        int warningCount;
        OffsetDateTime firstSubmittedAt;
        OffsetDateTime updatedAt;
        boolean advanced;

        LockedReport(long id, String status, int latestVersion, OffsetDateTime firstSubmittedAt) {
            this.id = id;
            this.status = status;
            this.latestVersion = latestVersion;
            this.firstSubmittedAt = firstSubmittedAt;
        }

        boolean approved() {
            return Report.APPROVED.equals(status);
        }
    }

    /** What an earlier delivery under a key made: its report, its version and that version's findings (JSON). */
    record EarlierDelivery(long reportId, int version, boolean unchanged, String findings) {}

    /**
     * A report's latest version as this transaction sees it: its hash and findings, and its content when a delivery of
     * the year after needs it for the cross-year rules (read once, when first needed).
     */
    final class LatestVersion {
        final String contentSha256;
        final String findings;
        private final String content;
        private AnnualReport report;

        LatestVersion(String contentSha256, String findings, String content, AnnualReport report) {
            this.contentSha256 = contentSha256;
            this.findings = findings;
            this.content = content;
            this.report = report;
        }

        AnnualReport report() {
            if (report == null && content != null) {
                report = codec.readStored(content);
            }
            return report;
        }
    }

    /**
     * One write transaction's deliveries (a batch, or a single delivery): the reports it locked, what it read up front
     * in one statement each — the earlier deliveries under its keys, the latest versions of its reports and of the
     * years before them — and the rows its deliveries make, which {@link #store} writes in a statement batch per table.
     */
    static final class Batch {
        final Map<ReportKey, LockedReport> reports;
        final Map<String, EarlierDelivery> deliveries;
        final Map<ReportKey, LatestVersion> latest;
        final List<ReportVersion> versions = new ArrayList<>();
        final List<Delivery> recorded = new ArrayList<>();
        final List<AuditTrail.Recorded> audit = new ArrayList<>();

        Batch(
                Map<ReportKey, LockedReport> reports,
                Map<String, EarlierDelivery> deliveries,
                Map<ReportKey, LatestVersion> latest) {
            this.reports = reports;
            this.deliveries = deliveries;
            this.latest = latest;
        }
    }

    /** Reads and checks the report and its original: 4xx problems, nothing read from the database or written. */
    Prepared prepare(String agencyCode, int year, VersionSubmission submission) {
        AnnualReport report = codec.readDelivered(agencyCode, year, submission);
        PublishedOriginal original = originals.read(submission);
        return new Prepared(report, original, submission);
    }

    /** What a delivery's write needs of its agency: the code, and the jurisdiction its audit row is filed under. */
    record Registered(String code, String jurisdiction) {}

    /** The agencies of these codes that the registry has, by code (one statement, no entities). */
    Map<String, Registered> agencies(Collection<String> codes) {
        Map<String, Registered> found = new HashMap<>();
        sql.statement("SELECT code, jurisdiction FROM agency WHERE code = ANY (CAST(:codes AS text[]))")
                .bind("codes", codes.toArray(String[]::new))
                .each(0, rs -> found.put(rs.getString(1), new Registered(rs.getString(1), rs.getString(2))));
        return found;
    }

    /**
     * Opens a write of deliveries to these reports under these keys: locks the reports (made if needed) in
     * {@link ReportKey#LOCK_ORDER} — so that concurrent writes wait for each other rather than deadlock — and reads
     * the earlier deliveries under the keys and the latest versions of the reports and of the years before them: four
     * statements whatever the number of deliveries.
     */
    Batch open(Collection<ReportKey> keys, Collection<String> deliveryKeys) {
        List<ReportKey> ordered =
                keys.stream().distinct().sorted(ReportKey.LOCK_ORDER).toList();
        return new Batch(lockReports(ordered), earlierDeliveries(deliveryKeys), latestVersions(ordered));
    }

    /** Creates the report rows that are missing and locks them all until the transaction ends, in the keys' order. */
    private Map<ReportKey, LockedReport> lockReports(List<ReportKey> ordered) {
        String[] agencies = ordered.stream().map(ReportKey::agencyCode).toArray(String[]::new);
        Integer[] years = ordered.stream().map(ReportKey::year).toArray(Integer[]::new);
        // the rows are inserted, and then locked, in the lock order (COLLATE "C": the codes' characters' order, as
        // String#compareTo)
        sql.statement("""
                        INSERT INTO report (agency_code, year, latest_version, status, first_submitted_at, updated_at)
                        SELECT k.agency, k.year, 0, 'open', now(), now()
                        FROM unnest(CAST(:agencies AS text[]), CAST(:years AS int[])) AS k (agency, year)
                        ORDER BY k.agency COLLATE "C", k.year
                        ON CONFLICT (agency_code, year) DO NOTHING""").bind("agencies", agencies).bind("years", years).update();
        Map<ReportKey, LockedReport> locked = new HashMap<>();
        sql.statement("""
                        SELECT r.agency_code, r.year, r.id, r.status, r.latest_version, r.first_submitted_at
                        FROM report r
                        JOIN unnest(CAST(:agencies AS text[]), CAST(:years AS int[])) AS k (agency, year)
                          ON r.agency_code = k.agency AND r.year = k.year
                        ORDER BY r.agency_code COLLATE "C", r.year
                        FOR UPDATE OF r""")
                .bind("agencies", agencies)
                .bind("years", years)
                .each(
                        0,
                        rs -> locked.put(
                                new ReportKey(rs.getString(1), rs.getInt(2)),
                                new LockedReport(rs.getLong(3), rs.getString(4), rs.getInt(5), Sql.timestamp(rs, 6))));
        return locked;
    }

    private Map<String, EarlierDelivery> earlierDeliveries(Collection<String> deliveryKeys) {
        Map<String, EarlierDelivery> earlier = new HashMap<>();
        sql.statement("""
                        SELECT d.delivery_key, d.report_id, d.version, d.unchanged, CAST(v.findings AS text)
                        FROM delivery d
                        LEFT JOIN report_version v ON v.report_id = d.report_id AND v.number = d.version
                        WHERE d.delivery_key = ANY (CAST(:keys AS text[]))""")
                .bind("keys", deliveryKeys.stream().distinct().toArray(String[]::new))
                .each(
                        0,
                        rs -> earlier.put(
                                rs.getString(1),
                                new EarlierDelivery(rs.getLong(2), rs.getInt(3), rs.getBoolean(4), rs.getString(5))));
        return earlier;
    }

    /** The latest versions of the reports (hash, findings) and of the years before them (content too). */
    private Map<ReportKey, LatestVersion> latestVersions(List<ReportKey> reports) {
        Map<ReportKey, Boolean> wanted = new LinkedHashMap<>();
        reports.forEach(key -> wanted.put(key, false));
        reports.forEach(key -> wanted.put(key.previousYear(), true));
        Map<ReportKey, LatestVersion> latest = new HashMap<>();
        sql.statement("""
                        SELECT r.agency_code, r.year, v.content_sha256, CAST(v.findings AS text),
                               CASE WHEN k.content THEN CAST(v.content AS text) END
                        FROM unnest(CAST(:agencies AS text[]), CAST(:years AS int[]), CAST(:contents AS boolean[]))
                            AS k (agency, year, content)
                        JOIN report r ON r.agency_code = k.agency AND r.year = k.year
                        JOIN report_version v ON v.report_id = r.id AND v.number = r.latest_version""")
                .bind(
                        "agencies",
                        wanted.keySet().stream().map(ReportKey::agencyCode).toArray(String[]::new))
                .bind("years", wanted.keySet().stream().map(ReportKey::year).toArray(Integer[]::new))
                .bind("contents", wanted.values().toArray(Boolean[]::new))
                .each(
                        0,
                        rs -> latest.put(
                                new ReportKey(rs.getString(1), rs.getInt(2)),
                                new LatestVersion(rs.getString(3), rs.getString(4), rs.getString(5), null)));
        return latest;
    }

    /**
     * One delivery to a report the batch has locked. Every refusal (a reused key, a locked report, a stale If-Match,
     * a correction without a reason) is answered before anything is written, so that a batch can refuse one delivery
     * and store the others in the same transaction. What it writes is kept in the batch until {@link #store}; the
     * change event is returned, not appended: the caller appends it (a batch appends all of its events under one
     * lock). A later delivery of the batch sees what an earlier one made (its key, its version as the latest, its
     * content for the cross-year rules).
     */
    Written write(Prepared prepared, String deliveryKey, Integer expectedVersion, Registered agency, Batch batch) {
        AnnualReport report = prepared.report();
        VersionSubmission submission = prepared.submission();
        // the path's agency and year: readDelivered checked that the report is theirs
        String agencyCode = report.agencyCode();
        int year = report.year();
        ReportKey key = new ReportKey(agencyCode, year);
        LockedReport target = batch.reports.get(key);
        EarlierDelivery earlier = batch.deliveries.get(deliveryKey);
        if (earlier != null) {
            return new Written(replay(earlier, target, key, deliveryKey), null);
        }
        if (target.approved()) {
            return Written.refused(new DeliveryOutcome.Locked(agencyCode, year, target.latestVersion));
        }
        if (expectedVersion != null && expectedVersion != target.latestVersion) {
            return Written.refused(new DeliveryOutcome.VersionMismatch(expectedVersion, target.latestVersion));
        }
        ReportCodec.Canonical canonical = codec.canonical(report);
        LatestVersion latest = target.latestVersion == 0 ? null : batch.latest.get(key);
        if (latest != null && latest.contentSha256.equals(canonical.sha256())) {
            recordDelivery(batch, deliveryKey, target, true, latest.findings);
            recordAudit(batch, "report.unchanged", agency, key, target, submission, deliveryKey);
            return new Written(
                    new DeliveryOutcome.Unchanged(new VersionReceipt(
                            agencyCode, year, target.latestVersion, true, false, FindingsJson.decode(latest.findings))),
                    null);
        }
        if (latest != null
                && (report.correctionReason() == null
                        || report.correctionReason().isBlank())) {
            return Written.refused(new DeliveryOutcome.CorrectionReasonMissing(agencyCode, year, target.latestVersion));
        }

        LatestVersion previous = batch.latest.get(key.previousYear());
        List<Finding> findings = rules.evaluate(report, previous == null ? null : previous.report());
        ReportVersion version = newVersion(target, report, canonical, findings, submission);
        batch.versions.add(version);
        batch.latest.put(key, new LatestVersion(version.contentSha256, version.findings, version.content, report));
        OriginalView originalView = storeOriginal(prepared.original(), agencyCode, year, version.number);
        advance(target, version, findings);
        recordDelivery(batch, deliveryKey, target, false, version.findings);
        recordAudit(batch, "report.version.created", agency, key, target, submission, deliveryKey);
        ChangeFeed.Event event = new ChangeFeed.Event(
                ChangeType.REPORT_VERSION_CREATED,
                agencyCode + "/" + year,
                codec.created(agencyCode, year, version, findings, originalView));
        return new Written(
                new DeliveryOutcome.Created(
                        new VersionReceipt(agencyCode, year, version.number, false, false, findings)),
                event);
    }

    /**
     * Writes what the batch's deliveries made — the versions, the deliveries, the reports advanced, the audit rows —
     * a statement batch each (one round trip), and removes the report rows {@link #open} made that hold no version
     * (made for deliveries that were all refused), as a refused single delivery's rolls back with it.
     */
    void store(Batch batch) {
        sql.batch(
                """
                INSERT INTO report_version (report_id, number, edition, content, content_sha256, source, original_text,
                    submitted_by, submitted_at, correction_reason, findings, imported_history)
                VALUES (:report, :number, :edition, CAST(:content AS jsonb), :sha, :source, :originalText,
                    :submittedBy, :submittedAt, :correctionReason, CAST(:findings AS jsonb), :importedHistory)""",
                batch.versions,
                (v, row) -> row.bind("report", v.reportId)
                        .bind("number", v.number)
                        .bind("edition", v.edition)
                        .bind("content", v.content)
                        .bind("sha", v.contentSha256)
                        .bind("source", v.source)
                        .bind("originalText", v.originalText)
                        .bind("submittedBy", v.submittedBy)
                        .bind("submittedAt", v.submittedAt)
                        .bind("correctionReason", v.correctionReason)
                        .bind("findings", v.findings)
                        .bind("importedHistory", v.importedHistory));
        sql.batch(
                """
                UPDATE report SET latest_version = :latest, error_count = :errors, warning_count = :warnings,
                    first_submitted_at = :first, updated_at = :updated
                WHERE id = :id""",
                batch.reports.values().stream().filter(r -> r.advanced).toList(),
                (r, row) -> row.bind("latest", r.latestVersion)
                        .bind("errors", r.errorCount)
                        .bind("warnings", r.warningCount)
                        .bind("first", r.firstSubmittedAt)
                        .bind("updated", r.updatedAt)
                        .bind("id", r.id));
        sql.batch(
                """
                INSERT INTO delivery (delivery_key, report_id, version, unchanged, received_at)
                VALUES (:key, :report, :version, :unchanged, :received)""",
                batch.recorded,
                (d, row) -> row.bind("key", d.deliveryKey)
                        .bind("report", d.reportId)
                        .bind("version", d.version)
                        .bind("unchanged", d.unchanged)
                        .bind("received", d.receivedAt));
        if (!batch.audit.isEmpty()) {
            audit.recordAll(batch.audit);
        }
        sql.batch(
                "DELETE FROM report WHERE id = :id AND latest_version = 0",
                batch.reports.values().stream()
                        .filter(r -> r.latestVersion == 0)
                        .toList(),
                (r, row) -> row.bind("id", r.id));
    }

    /** Keeps the document as published beside its new version; its description, or null when there is none. */
    private OriginalView storeOriginal(PublishedOriginal original, String agencyCode, int year, int number) {
        if (original == null) {
            return null;
        }
        originals.store(agencyCode, year, number, original);
        return new OriginalView(
                original.mediaType(),
                original.sha256(),
                original.bytes().length,
                OriginalView.href(agencyCode, year, number));
    }

    /** The report now at {@code version}: its latest version and the counts of its findings. */
    private static void advance(LockedReport target, ReportVersion version, List<Finding> findings) {
        if (target.latestVersion == 0) {
            target.firstSubmittedAt = version.submittedAt;
        }
        target.latestVersion = version.number;
        target.errorCount = count(findings, Severity.ERROR);
        target.warningCount = count(findings, Severity.WARNING);
        target.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        target.advanced = true;
    }

    /** The submitter (on whose behalf intake delivers) is the subject; the delivering service is in the detail. */
    private void recordAudit(
            Batch batch,
            String action,
            Registered agency,
            ReportKey key,
            LockedReport target,
            VersionSubmission submission,
            String deliveryKey) {
        batch.audit.add(new AuditTrail.Recorded(
                new AuditTrail.Actor(submission.submittedBy(), String.join(",", caller.roles()), null),
                new AuditTrail.Entry(
                        action,
                        "report",
                        agency.code() + "/" + key.year() + "/v" + target.latestVersion,
                        agency.jurisdiction(),
                        submission.isImportedHistory()
                                ? Map.of(
                                        "deliveredBy",
                                        caller.subject(),
                                        "deliveryKey",
                                        deliveryKey,
                                        "importedHistory",
                                        true)
                                : Map.of("deliveredBy", caller.subject(), "deliveryKey", deliveryKey))));
    }

    private static DeliveryOutcome replay(
            EarlierDelivery earlier, LockedReport target, ReportKey key, String deliveryKey) {
        if (earlier.reportId() != target.id) {
            return new DeliveryOutcome.KeyReused(deliveryKey);
        }
        return new DeliveryOutcome.Replayed(new VersionReceipt(
                key.agencyCode(),
                key.year(),
                earlier.version(),
                earlier.unchanged(),
                true,
                FindingsJson.decode(earlier.findings())));
    }

    private static void recordDelivery(
            Batch batch, String deliveryKey, LockedReport target, boolean unchanged, String findings) {
        Delivery delivery = new Delivery();
        delivery.deliveryKey = deliveryKey;
        delivery.reportId = target.id;
        delivery.version = target.latestVersion;
        delivery.unchanged = unchanged;
        delivery.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        batch.recorded.add(delivery);
        // a later delivery of the batch under the same key is its replay
        batch.deliveries.put(deliveryKey, new EarlierDelivery(target.id, target.latestVersion, unchanged, findings));
    }

    private static ReportVersion newVersion(
            LockedReport target,
            AnnualReport report,
            ReportCodec.Canonical canonical,
            List<Finding> findings,
            VersionSubmission submission) {
        ReportVersion version = new ReportVersion();
        version.reportId = target.id;
        version.number = target.latestVersion + 1;
        version.edition = report.edition();
        version.content = canonical.json();
        version.contentSha256 = canonical.sha256();
        version.source = submission.source();
        version.originalText = submission.originalText();
        version.submittedBy = submission.submittedBy();
        version.submittedAt =
                submission.submittedAt() != null ? submission.submittedAt() : OffsetDateTime.now(ZoneOffset.UTC);
        version.correctionReason = version.number == 1 ? null : report.correctionReason();
        version.findings = FindingsJson.encode(findings);
        version.importedHistory = submission.isImportedHistory();
        return version;
    }

    private static int count(List<Finding> findings, Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }
}
