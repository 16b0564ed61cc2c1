package cn.ogi.reporting.report;

import cn.ogi.feed.ApprovalChanged;
import cn.ogi.feed.ChangeType;
import cn.ogi.reporting.feed.ChangeFeed;
import cn.ogi.reporting.registry.Agency;
import cn.ogi.web.ProblemException;
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

    @Transactional
    public ReportView.ApprovalView approve(String agencyCode, int year, String actor, String reason) {
        Report report = locked(agencyCode, year);
        if (report.approved()) {
            throw ProblemException.conflict(
                    "already-approved",
                    "The report of " + agencyCode + " for " + year + " is already approved at version "
                            + report.latestVersion);
        }
        return record(report, ApprovalEvent.APPROVED, Report.APPROVED, actor, reason, ChangeType.REPORT_APPROVED);
    }

    @Transactional
    public ReportView.ApprovalView reopen(String agencyCode, int year, String actor, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.unprocessable("reason-required", "Reopening an approved report needs a 'reason'");
        }
        Report report = locked(agencyCode, year);
        if (!report.approved()) {
            throw ProblemException.conflict(
                    "not-approved",
                    "The report of " + agencyCode + " for " + year + " is not approved; there is nothing to reopen");
        }
        return record(report, ApprovalEvent.REOPENED, Report.OPEN, actor, reason, ChangeType.REPORT_REOPENED);
    }

    private Report locked(String agencyCode, int year) {
        Report report = queries.report(agencyCode, year);
        em.lock(report, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(report);
        return report;
    }

    private ReportView.ApprovalView record(
            Report report, String action, String status, String actor, String reason, ChangeType type) {
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
        return view;
    }
}
