package cn.ogi.form;

import cn.ogi.form.model.ReportBuilder;

/** Small builders for the tests: reports that satisfy every rule, to be broken one cell at a time. */
public final class TestReports {

    /** 晋中市文化和旅游局, as printed in a published procurement contract; verifies with GB 32100. */
    public static final String AGENCY_CODE = "11140800558745220K";

    private TestReports() {}

    /**
     * A table-edition report where every rule holds: 10 + 2 applications from natural persons and
     * companies, decided across several outcome rows, 2 carried forward, and one review of each kind.
     */
    public static ReportBuilder balanced(String edition, int year) {
        return ReportBuilder.blank(edition, year)
                .agencyCode(AGENCY_CODE)
                .agencyName("测试局")
                .applications("newReceived", "naturalPerson", 10)
                .applications("newReceived", "commercial", 2)
                .applications("carriedOver", "naturalPerson", 1)
                .applications("granted", "naturalPerson", 5)
                .applications("granted", "commercial", 2)
                .applications("withheld.stateSecret", "naturalPerson", 1)
                .applications("unavailable.notHeld", "naturalPerson", 2)
                .applications("notProcessed.duplicate", "naturalPerson", 1)
                .applications("carriedForward", "naturalPerson", 2)
                .reviews("reconsideration", "upheld", 1)
                .reviews("reconsideration", "pending", 1)
                .reviews("litigationDirect", "corrected", 1)
                .withComputedTotals();
    }

    public static ReportBuilder balanced(String edition) {
        return balanced(edition, edition.equals("2019") ? 2020 : 2023);
    }
}
