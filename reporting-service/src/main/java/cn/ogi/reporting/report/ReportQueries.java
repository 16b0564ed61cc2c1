package cn.ogi.reporting.report;

import cn.ogi.form.diff.CellChange;
import cn.ogi.form.diff.ReportDiff;
import cn.ogi.form.rules.FindingsJson;
import cn.ogi.reporting.registry.Agency;
import cn.ogi.reporting.registry.Subtrees;
import cn.ogi.web.Page;
import cn.ogi.web.Paging;
import cn.ogi.web.ProblemException;
import cn.ogi.web.sql.Sql;
import cn.ogi.web.sql.SqlStatement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Reads reports, their versions and the differences between versions. */
@ApplicationScoped
public class ReportQueries {

    @Inject
    Sql sql;

    @Inject
    ReportCodec codec;

    @Inject
    PublishedOriginals originals;

    public Report report(String agencyCode, int year) {
        return Report.<Report>find("agencyCode = ?1 and year = ?2 and latestVersion > 0", agencyCode, year)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound(
                        "report-not-found",
                        "No report of agency " + agencyCode + " for " + year + " has been received"));
    }

    /** The jurisdiction of an agency, to decide who may see its reports; 404 for an unknown agency. */
    public String jurisdictionOf(String agencyCode) {
        Agency agency = Agency.findById(agencyCode);
        if (agency == null) {
            throw ProblemException.notFound("agency-not-found", "No agency " + agencyCode + " in the registry");
        }
        return agency.jurisdiction;
    }

    public ReportView latest(Report report) {
        ReportVersion v = version(report, report.latestVersion);
        Agency agency = Agency.findById(report.agencyCode);
        ApprovalEvent approval = ApprovalEvent.<ApprovalEvent>find("reportId = ?1 order by id desc", report.id)
                .firstResult();
        ReportView.ApprovalView approvalView = approval == null
                ? null
                : new ReportView.ApprovalView(
                        approval.action, approval.version, approval.actor, approval.at, approval.reason);
        return new ReportView(
                report.agencyCode,
                agency.name,
                agency.jurisdiction,
                report.year,
                report.status,
                v.number,
                v.edition,
                report.firstSubmittedAt,
                v.submittedAt,
                v.submittedBy,
                v.source,
                v.correctionReason,
                v.contentSha256,
                FindingsJson.decode(v.findings),
                approvalView,
                codec.tree(v.content));
    }

    public List<VersionView> versions(Report report) {
        return versions(report, originals.describeAll(report.agencyCode, report.year));
    }

    private List<VersionView> versions(Report report, java.util.Map<Integer, OriginalView> published) {
        return ReportVersion.<ReportVersion>find("reportId = ?1 order by number", report.id).stream()
                .map(v -> new VersionView(
                        report.agencyCode,
                        report.year,
                        v.number,
                        v.edition,
                        v.source,
                        v.submittedBy,
                        v.submittedAt,
                        v.correctionReason,
                        v.contentSha256,
                        FindingsJson.decode(v.findings),
                        null,
                        null,
                        v.importedHistory ? Boolean.TRUE : null,
                        published.get(v.number)))
                .toList();
    }

    public VersionView versionView(Report report, int number) {
        return codec.view(
                report.agencyCode,
                report.year,
                version(report, number),
                true,
                originals.describe(report.agencyCode, report.year, number).orElse(null));
    }

    /**
     * The document as published of a version: 404 when the version does not exist or was delivered without one
     * (saying which).
     */
    public PublishedOriginal original(Report report, int number) {
        ReportVersion v = version(report, number);
        return originals
                .content(report.agencyCode, report.year, number)
                .orElseThrow(() -> ProblemException.notFound(
                        "original-not-found",
                        "Version " + number + " of the report of " + report.agencyCode + " for " + report.year
                                + ("text".equals(v.source)
                                        ? " was submitted as text without the document as published: its text is"
                                                + " the version's originalText"
                                        : " was submitted as JSON: no published original")));
    }

    public List<CellChange> diff(Report report, int from, int to) {
        return ReportDiff.between(
                codec.readStored(version(report, from).content), codec.readStored(version(report, to).content));
    }

    public Page<ReportSummary> list(
            String jurisdiction, Integer year, String status, Boolean hasFindings, String agencyCode, Paging paging) {
        String where = """
                 FROM report r JOIN agency a ON a.code = r.agency_code
                 WHERE r.latest_version > 0
                   AND (CAST(:root AS text) IS NULL OR a.jurisdiction IN (SELECT code FROM subtree))
                   AND (CAST(:year AS integer) IS NULL OR r.year = :year)
                   AND (CAST(:agency AS text) IS NULL OR r.agency_code = :agency)
                   AND (CAST(:status AS text) IS NULL OR r.status = :status)
                   AND (CAST(:hasFindings AS boolean) IS NULL
                        OR (r.error_count + r.warning_count > 0) = CAST(:hasFindings AS boolean))
                """;
        SqlStatement items = sql.statement(Subtrees.WITH_SUBTREE + """
                        SELECT r.agency_code, a.name, a.jurisdiction, r.year, r.status, r.latest_version,
                               r.error_count, r.warning_count, r.first_submitted_at, r.updated_at""" + where
                        + " ORDER BY r.year DESC, r.agency_code LIMIT :size OFFSET :offset")
                .bind("size", paging.size())
                .bind("offset", paging.offset());
        SqlStatement total = sql.statement(Subtrees.WITH_SUBTREE + "SELECT count(*)" + where);
        for (SqlStatement q : List.of(items, total)) {
            q.bind("root", jurisdiction)
                    .bind("year", year)
                    .bind("agency", agencyCode)
                    .bind("status", status)
                    .bind("hasFindings", hasFindings);
        }
        List<ReportSummary> summaries = items.list(ReportQueries::summary);
        return new Page<>(
                summaries,
                paging.page(),
                paging.size(),
                total.first(rs -> rs.getLong(1)).orElse(0L));
    }

    private ReportVersion version(Report report, int number) {
        ReportVersion v = ReportVersion.findById(new ReportVersion.Key(report.id, number));
        if (v == null) {
            throw ProblemException.notFound(
                    "version-not-found",
                    "The report of " + report.agencyCode + " for " + report.year + " has versions 1 to "
                            + report.latestVersion + ", not " + number);
        }
        return v;
    }

    private static ReportSummary summary(ResultSet rs) throws SQLException {
        return new ReportSummary(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getInt(7),
                rs.getInt(8),
                Sql.timestamp(rs, 9),
                Sql.timestamp(rs, 10));
    }
}
