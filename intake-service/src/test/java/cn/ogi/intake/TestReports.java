package cn.ogi.intake;

import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.ReportBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Canonical report bodies for tests. */
public final class TestReports {

    private TestReports() {
    }

    /** A balanced edition-2021 report: 10 new applications of natural persons, 8 granted, 2 carried forward. */
    public static ReportBuilder balanced(String agencyCode, int year) {
        return ReportBuilder.blank("2021", year).agencyCode(agencyCode)
                .applications("newReceived", "naturalPerson", 10)
                .applications("granted", "naturalPerson", 8)
                .applications("carriedForward", "naturalPerson", 2)
                .withComputedTotals();
    }

    public static ObjectNode json(ReportBuilder report) {
        return ReportJson.standard().write(report.build());
    }

    /** Table 2 does not balance in the natural-person and total columns: 10 received, 9 processed, 0 carried. */
    public static ObjectNode unbalanced(String agencyCode, int year) {
        ObjectNode json = json(balanced(agencyCode, year));
        ((ObjectNode) json.at("/applications/carriedForward")).put("naturalPerson", 0).put("total", 0);
        ((ObjectNode) json.at("/applications/granted")).put("naturalPerson", 9).put("total", 9);
        ((ObjectNode) json.at("/applications/totalProcessed")).put("naturalPerson", 9).put("total", 9);
        return json;
    }
}
