package cn.ogi.reporting;

import static io.restassured.RestAssured.given;

import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import cn.ogi.web.testing.SampleReports;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds reports and delivers them the way intake-service does. */
public final class TestReports {

    private TestReports() {}

    /** A balanced edition-2021 report (see {@link SampleReports#balanced2021}). */
    public static ReportBuilder balanced2021(String agencyCode, int year) {
        return SampleReports.balanced2021(agencyCode, year);
    }

    public static Map<String, Object> delivery(AnnualReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("report", ReportJson.standard().write(report));
        body.put("source", "api");
        body.put("submittedBy", "test-submitter");
        return body;
    }

    public static ValidatableResponse deliver(AnnualReport report) {
        return deliver(report, UUID.randomUUID().toString());
    }

    public static ValidatableResponse deliver(AnnualReport report, String deliveryKey) {
        return given().contentType(ContentType.JSON)
                .header("Delivery-Key", deliveryKey)
                .body(delivery(report))
                .post("/api/v1/reports/" + report.agencyCode() + "/" + report.year() + "/versions")
                .then();
    }
}
