package cn.ogi.reporting.rest;

import cn.ogi.reporting.report.Report;
import cn.ogi.reporting.report.ReportQueries;
import cn.ogi.web.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The report a request names, if the caller may see it: the one check of every report endpoint. */
@ApplicationScoped
class VisibleReports {

    @Inject
    ReportQueries queries;

    @Inject
    Caller caller;

    /** The report, if the caller's jurisdiction covers its agency (403 otherwise, 404 if none). */
    Report of(String agencyCode, int year) {
        caller.requireCovers(queries.jurisdictionOf(agencyCode), "the report of " + agencyCode);
        return queries.report(agencyCode, Years.check("year", year));
    }
}
