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

    /** A delivery with the document as published: its media type, SHA-256 and base64 bytes, as intake sends them. */
    public static Map<String, Object> delivery(AnnualReport report, byte[] original, String mediaType) {
        Map<String, Object> body = delivery(report);
        body.put("originalMediaType", mediaType);
        body.put("originalSha256", sha256(original));
        body.put("originalBytes", java.util.Base64.getEncoder().encodeToString(original));
        return body;
    }

    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ValidatableResponse deliver(Map<String, Object> body, String agencyCode, int year) {
        return given().contentType(ContentType.JSON)
                .header("Delivery-Key", UUID.randomUUID().toString())
                .body(body)
                .post("/api/v1/reports/" + agencyCode + "/" + year + "/versions")
                .then();
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
