package cn.ogi.web.testing;

import cn.ogi.form.model.ReportBuilder;

/** Reports the services' tests build on. */
public final class SampleReports {

    private SampleReports() {}

    /** A balanced edition-2021 report: 10 new applications of natural persons, 8 granted, 2 carried forward. */
    public static ReportBuilder balanced2021(String agencyCode, int year) {
        return ReportBuilder.blank("2021", year)
                .agencyCode(agencyCode)
                .applications("newReceived", "naturalPerson", 10)
                .applications("granted", "naturalPerson", 8)
                .applications("carriedForward", "naturalPerson", 2)
                .withComputedTotals();
    }
}
