package cn.ogi.reporting.report;

import cn.ogi.feed.ApprovalChanged;
import cn.ogi.feed.ChangeType;
import cn.ogi.reporting.feed.ChangeFeed;
import cn.ogi.reporting.registry.Agency;
import cn.ogi.web.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Map;

/** Locks a report (approval) and unlocks it (reopening), recording who, when and why. */
@ApplicationScoped
public class Approvals {

    @Inject
    EntityManager em;

    @Inject
    ReportQueries queries;

    @Inject
    ChangeFeed feed;

    @Inject
    AuditTrail audit;

    /** What became of an approval or a reopening; a refused one has written nothing. */
    public sealed interface Outcome {}

    /** Approved or reopened: who, when, why, at which version. */
    public record Done(ReportView.ApprovalView approval) implements Outcome {}

    /** The report is approved at {@code version} already. */
    public record AlreadyApproved(String agencyCode, int year, int version) implements Outcome {}

    /** The report is not approved: there is nothing to reopen. */
    public record NotApproved(String agencyCode, int year) implements Outcome {}

    /** A reopening that does not say why. */
    public record ReasonMissing() implements Outcome {}

    @Transactional
    public Outcome approve(String agencyCode, int year, String actor, String reason) {
        Report report = locked(agencyCode, year);
        if (report.approved()) {
            return new AlreadyApproved(agencyCode, year, report.latestVersion);
        }
        return record(report, ApprovalEvent.APPROVED, Report.APPROVED, actor, reason, ChangeType.REPORT_APPROVED);
    }

    @Transactional
    public Outcome reopen(String agencyCode, int year, String actor, String reason) {
        if (reason == null || reason.isBlank()) {
            return new ReasonMissing();
        }
        Report report = locked(agencyCode, year);
        if (!report.approved()) {
            return new NotApproved(agencyCode, year);
        }
        return record(report, ApprovalEvent.REOPENED, Report.OPEN, actor, reason, ChangeType.REPORT_REOPENED);
    }

    private Report locked(String agencyCode, int year) {
        Report report = queries.report(agencyCode, year);
        em.lock(report, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(report);
        return report;
    }

    private Done record(Report report, String action, String status, String actor, String reason, ChangeType type) {
        ApprovalEvent event = new ApprovalEvent();
        event.reportId = report.id;
        event.action = action;
        event.version = report.latestVersion;
        event.actor = actor;
        event.reason = reason;
        event.at = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        event.persist();
        report.status = status;
        report.updatedAt = event.at;
        ReportView.ApprovalView view = new ReportView.ApprovalView(action, event.version, actor, event.at, reason);
        feed.append(
                type,
                report.agencyCode + "/" + report.year,
                new ApprovalChanged(
                        report.agencyCode,
                        report.year,
                        new ApprovalChanged.Approval(
                                view.action(), view.version(), view.by(), view.at(), view.reason())));
        audit.record(new AuditTrail.Entry(
                "report." + action,
                "report",
                report.agencyCode + "/" + report.year,
                Agency.<Agency>findById(report.agencyCode).jurisdiction,
                Map.of("version", report.latestVersion, "reason", reason == null ? "" : reason)));
        return new Done(view);
    }
}
