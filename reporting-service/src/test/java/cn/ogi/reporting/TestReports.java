package cn.ogi.reporting;

import static io.restassured.RestAssured.given;

import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds reports and delivers them the way intake-service does. */
public final class TestReports {

    private TestReports() {
    }

    /** A balanced edition-2021 report: 10 new applications of natural persons, 8 granted, 2 carried forward. */
    public static ReportBuilder balanced2021(String agencyCode, int year) {
        return ReportBuilder.blank("2021", year).agencyCode(agencyCode)
                .applications("newReceived", "naturalPerson", 10)
                .applications("granted", "naturalPerson", 8)
                .applications("carriedForward", "naturalPerson", 2)
                .withComputedTotals();
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
        return given().contentType(ContentType.JSON).header("Delivery-Key", deliveryKey)
                .body(delivery(report))
                .post("/api/v1/reports/" + report.agencyCode() + "/" + report.year() + "/versions")
                .then();
    }
}
