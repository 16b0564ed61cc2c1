package cn.ogi.reporting.report;

import java.util.Comparator;

/** The report of an agency for a year, as a write transaction locks it. */
record ReportKey(String agencyCode, int year) {

    /** The order the reports of one transaction are locked in, whatever the deliveries' order. */
    static final Comparator<ReportKey> LOCK_ORDER =
            Comparator.comparing(ReportKey::agencyCode).thenComparingInt(ReportKey::year);

    ReportKey previousYear() {
        return new ReportKey(agencyCode, year - 1);
    }
}
