package cn.ogi.intake;

import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.ReportBuilder;
import cn.ogi.web.testing.SampleReports;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Canonical report bodies for tests. */
public final class TestReports {

    private TestReports() {}

    /** A balanced edition-2021 report (see {@link SampleReports#balanced2021}). */
    public static ReportBuilder balanced(String agencyCode, int year) {
        return SampleReports.balanced2021(agencyCode, year);
    }

    public static ObjectNode json(ReportBuilder report) {
        return ReportJson.standard().write(report.build());
    }

    /** Table 2 does not balance in the natural-person and total columns: 10 received, 9 processed, 0 carried. */
    public static ObjectNode unbalanced(String agencyCode, int year) {
        ObjectNode json = json(balanced(agencyCode, year));
        ((ObjectNode) json.at("/applications/carriedForward"))
                .put("naturalPerson", 0)
                .put("total", 0);
        ((ObjectNode) json.at("/applications/granted")).put("naturalPerson", 9).put("total", 9);
        ((ObjectNode) json.at("/applications/totalProcessed"))
                .put("naturalPerson", 9)
                .put("total", 9);
        return json;
    }
}
