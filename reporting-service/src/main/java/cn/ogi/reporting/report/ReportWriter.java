package cn.ogi.reporting.report;

import cn.ogi.feed.ChangeType;
import cn.ogi.feed.VersionReceipt;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.FindingsJson;
import cn.ogi.form.rules.RuleEngine;
import cn.ogi.reporting.feed.ChangeFeed;
import cn.ogi.reporting.report.WriteBatch.EarlierDelivery;
import cn.ogi.reporting.report.WriteBatch.LatestVersion;
import cn.ogi.reporting.report.WriteBatchStore.Registered;
import cn.ogi.web.Caller;
import cn.ogi.web.audit.AuditTrail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The write path of reports: turns a delivery into a new immutable version, exactly once.
 * Writes to one report serialize on its row lock, so version numbers have no gaps or duplicates.
 */
@ApplicationScoped
public class ReportWriter {

    @Inject
    WriteBatchStore batchStore;

    @Inject
    ChangeFeed feed;

    @Inject
    ReportCodec codec;

    @Inject
    Caller caller;

    @Inject
    PublishedOriginals originals;

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
        Registered agency = batchStore.agencies(List.of(agencyCode)).get(agencyCode);
        if (agency == null) {
            return new DeliveryOutcome.UnknownAgency(agencyCode);
        }
        WriteBatch batch = batchStore.open(List.of(new ReportKey(agencyCode, year)), List.of(deliveryKey));
        Written written = write(prepared, deliveryKey, expectedVersion, agency, batch);
        batchStore.store(batch);
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

    /** Reads and checks the report and its original: 4xx problems, nothing read from the database or written. */
    Prepared prepare(String agencyCode, int year, VersionSubmission submission) {
        AnnualReport report = codec.readDelivered(agencyCode, year, submission);
        PublishedOriginal original = originals.read(submission);
        return new Prepared(report, original, submission);
    }

    /**
     * One delivery to a report the batch has locked. Every refusal (a reused key, a locked report, a stale If-Match,
     * a correction without a reason) is answered before anything is written, so that a batch can refuse one delivery
     * and store the others in the same transaction. What it writes is kept in the batch until {@link WriteBatchStore#store}; the
     * change event is returned, not appended: the caller appends it (a batch appends all of its events under one
     * lock). A later delivery of the batch sees what an earlier one made (its key, its version as the latest, its
     * content for the cross-year rules).
     */
    Written write(Prepared prepared, String deliveryKey, Integer expectedVersion, Registered agency, WriteBatch batch) {
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
            batch.recordDelivery(deliveryKey, target, true, latest.findings);
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
        List<Finding> findings = rules.evaluate(report, previous == null ? null : previous.report(codec));
        ReportVersion version = newVersion(target, report, canonical, findings, submission);
        batch.versions.add(version);
        batch.latest.put(key, new LatestVersion(version.contentSha256, version.findings, version.content, report));
        OriginalView originalView = storeOriginal(prepared.original(), agencyCode, year, version.number);
        target.advance(version, findings);
        batch.recordDelivery(deliveryKey, target, false, version.findings);
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

    /** The submitter (on whose behalf intake delivers) is the subject; the delivering service is in the detail. */
    private void recordAudit(
            WriteBatch batch,
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
}
