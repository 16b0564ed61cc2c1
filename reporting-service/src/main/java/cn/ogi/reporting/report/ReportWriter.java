package cn.ogi.reporting.report;

import cn.ogi.feed.ChangeType;
import cn.ogi.feed.VersionReceipt;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.FindingsJson;
import cn.ogi.form.rules.RuleEngine;
import cn.ogi.form.rules.Severity;
import cn.ogi.reporting.feed.ChangeFeed;
import cn.ogi.reporting.registry.Agency;
import cn.ogi.web.Caller;
import cn.ogi.web.audit.AuditTrail;
import cn.ogi.web.sql.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The write path of reports: turns a delivery into a new immutable version, exactly once.
 * Writes to one report serialize on its row lock, so version numbers have no gaps or duplicates.
 */
@ApplicationScoped
public class ReportWriter {

    @Inject
    EntityManager em;

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
    ReportQueries queries;

    @Inject
    Sql sql;

    private final RuleEngine rules = RuleEngine.standard();

    /**
     * One delivery: its outcome, stored or refused (then nothing is written). A body that cannot be a delivery at all
     * is refused by {@link #prepare}'s problem, thrown before anything is read or written.
     */
    @Transactional
    public DeliveryOutcome deliver(
            String agencyCode, int year, String deliveryKey, Integer expectedVersion, VersionSubmission submission) {
        Prepared prepared = prepare(agencyCode, year, submission);
        Optional<Agency> known = agency(agencyCode);
        if (known.isEmpty()) {
            return new DeliveryOutcome.UnknownAgency(agencyCode);
        }
        Agency agency = known.get();
        Report target = lockReport(agencyCode, year);
        Written written = write(prepared, deliveryKey, expectedVersion, agency, target, null);
        if (written.event() != null) {
            feed.append(written.event());
        }
        if (written.outcome() instanceof DeliveryOutcome.Refused) {
            // as a thrown refusal did: nothing of it stays, not even the report row lockReport made for a first one
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

    /** The agency of a delivery; empty when the registry does not have it. */
    Optional<Agency> agency(String agencyCode) {
        return Agency.findByIdOptional(agencyCode);
    }

    /**
     * One delivery to a report already locked by this transaction. Every refusal (a reused key, a locked report, a
     * stale If-Match, a correction without a reason) is answered before anything is written, so that a batch can
     * refuse one delivery and store the others in the same transaction. The change event is returned, not appended:
     * the caller appends it (a batch appends all of its events under one lock). {@code previousYearLocked}: the
     * report of the year before when this transaction has locked it too (a batch delivering both years), else null.
     */
    Written write(
            Prepared prepared,
            String deliveryKey,
            Integer expectedVersion,
            Agency agency,
            Report target,
            Report previousYearLocked) {
        AnnualReport report = prepared.report();
        VersionSubmission submission = prepared.submission();
        // the path's agency and year: readDelivered checked that the report is theirs
        String agencyCode = report.agencyCode();
        int year = report.year();
        Delivery earlier = Delivery.findById(deliveryKey);
        if (earlier != null) {
            return new Written(replay(earlier, target, deliveryKey), null);
        }
        if (target.approved()) {
            return Written.refused(new DeliveryOutcome.Locked(agencyCode, year, target.latestVersion));
        }
        if (expectedVersion != null && expectedVersion != target.latestVersion) {
            return Written.refused(new DeliveryOutcome.VersionMismatch(expectedVersion, target.latestVersion));
        }
        String sha = codec.contentSha256(report);
        ReportVersion latest = target.latestVersion == 0
                ? null
                : ReportVersion.findById(new ReportVersion.Key(target.id, target.latestVersion));
        if (latest != null && latest.contentSha256.equals(sha)) {
            recordDelivery(deliveryKey, target, true);
            recordAudit("report.unchanged", agency, target, submission, deliveryKey);
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

        List<Finding> findings = rules.evaluate(report, previousYear(agencyCode, year, previousYearLocked));
        ReportVersion version = newVersion(target, report, sha, findings, submission);
        version.persist();
        OriginalView originalView = storeOriginal(prepared.original(), agencyCode, year, version.number);
        advance(target, version, findings);
        recordDelivery(deliveryKey, target, false);
        recordAudit("report.version.created", agency, target, submission, deliveryKey);
        ChangeFeed.Event event = new ChangeFeed.Event(
                ChangeType.REPORT_VERSION_CREATED,
                agencyCode + "/" + year,
                codec.created(agencyCode, year, version, originalView));
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

    /** The report now at {@code version}: its latest version and the counts of its findings. */
    private static void advance(Report target, ReportVersion version, List<Finding> findings) {
        if (target.latestVersion == 0) {
            target.firstSubmittedAt = version.submittedAt;
        }
        target.latestVersion = version.number;
        target.errorCount = count(findings, Severity.ERROR);
        target.warningCount = count(findings, Severity.WARNING);
        target.updatedAt = OffsetDateTime.now(java.time.ZoneOffset.UTC);
    }

    /** The submitter (on whose behalf intake delivers) is the subject; the delivering service is in the detail. */
    private void recordAudit(
            String action, Agency agency, Report target, VersionSubmission submission, String deliveryKey) {
        audit.recordFor(
                new AuditTrail.Actor(submission.submittedBy(), String.join(",", caller.roles()), null),
                new AuditTrail.Entry(
                        action,
                        "report",
                        agency.code + "/" + target.year + "/v" + target.latestVersion,
                        agency.jurisdiction,
                        submission.isImportedHistory()
                                ? java.util.Map.of(
                                        "deliveredBy",
                                        caller.subject(),
                                        "deliveryKey",
                                        deliveryKey,
                                        "importedHistory",
                                        true)
                                : java.util.Map.of("deliveredBy", caller.subject(), "deliveryKey", deliveryKey)));
    }

    /** Creates the report row if needed and locks it until the transaction ends. */
    Report lockReport(String agencyCode, int year) {
        sql.statement("""
                        INSERT INTO report (agency_code, year, latest_version, status, first_submitted_at, updated_at)
                        VALUES (:agency, :year, 0, 'open', now(), now())
                        ON CONFLICT (agency_code, year) DO NOTHING""").bind("agency", agencyCode).bind("year", year).update();
        return em.createQuery("FROM Report WHERE agencyCode = :agency AND year = :year", Report.class)
                .setParameter("agency", agencyCode)
                .setParameter("year", year)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
    }

    private DeliveryOutcome replay(Delivery earlier, Report target, String deliveryKey) {
        if (!Objects.equals(earlier.reportId, target.id)) {
            return new DeliveryOutcome.KeyReused(deliveryKey);
        }
        ReportVersion version = ReportVersion.findById(new ReportVersion.Key(target.id, earlier.version));
        return new DeliveryOutcome.Replayed(new VersionReceipt(
                target.agencyCode,
                target.year,
                earlier.version,
                earlier.unchanged,
                true,
                FindingsJson.decode(version.findings)));
    }

    private void recordDelivery(String deliveryKey, Report target, boolean unchanged) {
        Delivery delivery = new Delivery();
        delivery.deliveryKey = deliveryKey;
        delivery.reportId = target.id;
        delivery.version = target.latestVersion;
        delivery.unchanged = unchanged;
        delivery.receivedAt = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        delivery.persist();
    }

    private ReportVersion newVersion(
            Report target, AnnualReport report, String sha, List<Finding> findings, VersionSubmission submission) {
        ReportVersion version = new ReportVersion();
        version.reportId = target.id;
        version.number = target.latestVersion + 1;
        version.edition = report.edition();
        version.content = codec.canonicalJson(report);
        version.contentSha256 = sha;
        version.source = submission.source();
        version.originalText = submission.originalText();
        version.submittedBy = submission.submittedBy();
        version.submittedAt = submission.submittedAt() != null
                ? submission.submittedAt()
                : OffsetDateTime.now(java.time.ZoneOffset.UTC);
        version.correctionReason = version.number == 1 ? null : report.correctionReason();
        version.findings = FindingsJson.encode(findings);
        version.importedHistory = submission.isImportedHistory();
        return version;
    }

    /**
     * The latest version of the same agency's report for the year before, for the cross-year rules. When this
     * transaction holds that report ({@code locked}, a batch with both years), its latest version may be one this
     * batch wrote and has not flushed yet: it is read from the persistence context. Otherwise the database has it,
     * and {@link ReportQueries#latestContent} reads it without flushing first — a native query flushed the whole
     * session, and in a batch that made every delivery pay for all the entities before it (docs/BENCHMARKS.md, "Batched delivery":
     * two thirds of this method's time).
     */
    private AnnualReport previousYear(String agencyCode, int year, Report locked) {
        if (locked != null) {
            if (locked.latestVersion == 0) {
                return null;
            }
            ReportVersion latest = ReportVersion.findById(new ReportVersion.Key(locked.id, locked.latestVersion));
            return latest == null ? null : codec.readStored(latest.content);
        }
        return queries.latestContent(agencyCode, year - 1)
                .map(codec::readStored)
                .orElse(null);
    }

    private static int count(List<Finding> findings, Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }
}
