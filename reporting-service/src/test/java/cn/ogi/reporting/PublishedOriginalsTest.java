package cn.ogi.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The document as published that comes with a delivery: checked, stored with its version, described, served. */
@QuarkusTest
class PublishedOriginalsTest {

    String agency;

    @BeforeEach
    void registerAgency() {
        TestRegistry.ensureLiaocheng();
        agency = TestRegistry.newAgency("371502");
    }

    /** Not a real PDF (reporting-service never reads it), but every byte value, as a PDF's binary streams have. */
    static byte[] pdfBytes() {
        byte[] bytes = new byte[4096];
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        for (int i = header.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    private AnnualReport report() {
        return TestReports.balanced2021(agency, 2023).build();
    }

    @Test
    void aDeliveredPdfIsStoredWithItsVersionAndServedAsItCame() {
        byte[] pdf = pdfBytes();
        String sha = TestReports.sha256(pdf);
        TestReports.deliver(TestReports.delivery(report(), pdf, "application/pdf"), agency, 2023)
                .statusCode(201)
                .body("version", is(1));
        String path = "/api/v1/reports/" + agency + "/2023/versions/1";

        given().get(path)
                .then()
                .statusCode(200)
                .body("original.mediaType", equalTo("application/pdf"))
                .body("original.sha256", equalTo(sha))
                .body("original.bytes", is(pdf.length))
                .body("original.href", equalTo(path + "/original"));
        given().get("/api/v1/reports/" + agency + "/2023/versions")
                .then()
                .statusCode(200)
                .body("[0].original.sha256", equalTo(sha));

        byte[] served = given().get(path + "/original")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("ETag", equalTo("\"" + sha + "\""))
                .header("Content-Disposition", equalTo("inline; filename=\"" + agency + "-2023-v1.pdf\""))
                .header("Cache-Control", containsString("max-age="))
                .header("Cache-Control", containsString("private"))
                .extract()
                .asByteArray();
        assertArrayEquals(pdf, served);

        given().header("If-None-Match", "\"" + sha + "\"")
                .get(path + "/original")
                .then()
                .statusCode(304)
                .header("ETag", equalTo("\"" + sha + "\""));
        given().header("If-None-Match", "\"" + "0".repeat(64) + "\"")
                .get(path + "/original")
                .then()
                .statusCode(200);
    }

    @Test
    void aPublishedPageIsServedSandboxedUnderItsOwnExtension() {
        byte[] page = "<html><body><script>alert(1)</script><table><tr><td>1</td></tr></table></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, Object> body = TestReports.delivery(report(), page, "text/html; charset=utf-8");
        body.put("source", "text"); // a text import whose text is the page itself
        TestReports.deliver(body, agency, 2023).statusCode(201);

        given().get("/api/v1/reports/" + agency + "/2023/versions/1/original")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Disposition", endsWith("-2023-v1.html\""))
                .header("Content-Security-Policy", containsString("sandbox"));
    }

    @Test
    void aVersionDeliveredAsJsonHasNoOriginal() {
        TestReports.deliver(report()).statusCode(201);

        given().get("/api/v1/reports/" + agency + "/2023/versions/1")
                .then()
                .statusCode(200)
                .body("$", org.hamcrest.Matchers.hasKey("original"))
                .body("original", nullValue());
        given().get("/api/v1/reports/" + agency + "/2023/versions/1/original")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("Version 1 of the report of " + agency))
                .body("detail", containsString("submitted as JSON: no published original"));
    }

    @Test
    void aVersionOrReportThatDoesNotExistIs404() {
        TestReports.deliver(TestReports.delivery(report(), pdfBytes(), "application/pdf"), agency, 2023)
                .statusCode(201);
        given().get("/api/v1/reports/" + agency + "/2023/versions/2/original")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("version-not-found"));
        given().get("/api/v1/reports/" + agency + "/2022/versions/1/original")
                .then()
                .statusCode(404)
                .body("type", endsWith("report-not-found"));
    }

    @Test
    void aSupervisorOutsideTheAgencysJurisdictionMayNotReadIt() {
        TestReports.deliver(TestReports.delivery(report(), pdfBytes(), "application/pdf"), agency, 2023)
                .statusCode(201);
        String path = "/api/v1/reports/" + agency + "/2023/versions/1/original";
        given().header("Authorization", TestTokens.bearer(TestTokens.token(Roles.SUPERVISOR, "370100", "jinan")))
                .get(path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(TestTokens.token(Roles.SUPERVISOR, "371500", "liaocheng")))
                .get(path)
                .then()
                .statusCode(200);
        given().header("Authorization", TestTokens.bearer(TestTokens.token(Roles.SUBMITTER, "371500", "system")))
                .get(path)
                .then()
                .statusCode(403);
    }

    @Test
    void aShaThatIsNotTheBytesIsRefusedNamingTheFieldAndNothingIsStored() {
        Map<String, Object> body = TestReports.delivery(report(), pdfBytes(), "application/pdf");
        body.put("originalSha256", TestReports.sha256("another document".getBytes(StandardCharsets.UTF_8)));

        TestReports.deliver(body, agency, 2023)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("originalSha256"))
                .body("detail", containsString("SHA-256 of originalBytes"));
        given().get("/api/v1/reports/" + agency + "/2023").then().statusCode(404);
    }

    @Test
    void bytesThatAreNotBase64AreA400NamingTheField() {
        Map<String, Object> body = TestReports.delivery(report(), pdfBytes(), "application/pdf");
        body.put("originalBytes", "JVBERi0x*not base64*");

        TestReports.deliver(body, agency, 2023)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("originalBytes"));
        given().get("/api/v1/reports/" + agency + "/2023").then().statusCode(404);
    }

    @Test
    void anOriginalComesWithAllThreeFieldsOrNone() {
        Map<String, Object> body = TestReports.delivery(report(), pdfBytes(), "application/pdf");
        body.remove("originalSha256");
        TestReports.deliver(body, agency, 2023)
                .statusCode(422)
                .body("errors[0].field", equalTo("originalSha256"))
                .body("detail", containsString("missing: originalSha256"));

        Map<String, Object> unknownType = TestReports.delivery(report(), pdfBytes(), "application/msword");
        TestReports.deliver(unknownType, agency, 2023)
                .statusCode(422)
                .body("errors[0].field", equalTo("originalMediaType"));
    }

    @Test
    void anOriginalOfSeveralMegabytesIsAcceptedWhileOtherEndpointsKeepTheirBound() {
        // 9 MiB: its base64 (12 MiB) is beyond both the service-wide string bound (1 MiB) and the 8M body bound
        byte[] large = new byte[9 * 1024 * 1024];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i ^ (i >>> 8));
        }
        TestReports.deliver(TestReports.delivery(report(), large, "application/pdf"), agency, 2023)
                .statusCode(201);
        given().get("/api/v1/reports/" + agency + "/2023/versions/1").then().body("original.bytes", is(large.length));

        String name = "x".repeat(9 * 1024 * 1024);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "department", "jurisdiction", "371502"))
                .put("/api/v1/agencies/" + agency)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("reporting.http.max-body-size"))
                .body("detail", not(containsString("Exception")))
                .body("status", notNullValue());
    }
}
