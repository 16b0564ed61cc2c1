package cn.ogi.e2e;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.form.model.ReportBuilder;
import cn.ogi.web.auth.Roles;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 4's acceptance, through the three real processes: submit → deliver → visible. */
class DeliveryEndToEndTest {

    final Platform platform = Platform.get();
    final String submitter = platform.token(Roles.SUBMITTER, "371500", "liaocheng-system");

    @Test
    void aValidReportIsDeliveredAsVersionOneAndVisibleInReporting() {
        String agency = Registry.newAgency(platform, "371502");

        String location = Platform.as(Platform.INTAKE, submitter)
                .contentType(ContentType.JSON)
                .body(Reports.json(Reports.balanced(agency, 2023, 10).build()))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");

        assertEquals("DELIVERED", Reports.awaitSettled(platform, submitter, location));
        Platform.as(Platform.INTAKE, submitter)
                .get(location)
                .then()
                .body("version", is(1))
                .body("unchanged", is(false));
        platform.reportingAsAdmin()
                .get("/api/v1/reports/" + agency + "/2023")
                .then()
                .statusCode(200)
                .body("version", is(1))
                .body("submittedBy", equalTo("liaocheng-system"))
                .body("report.applications.newReceived.total", is(10));
    }

    @Test
    void anUnbalancedReportIsRefusedAndNothingIsStoredAnywhere() {
        String agency = Registry.newAgency(platform, "371502");

        Platform.as(Platform.INTAKE, submitter)
                .contentType(ContentType.JSON)
                .body(Reports.unbalanced(agency, 2023))
                .post("/api/v1/submissions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("findings.rule", hasItem("APP-BALANCE"))
                .body(
                        "findings.find { it.cells.contains('applications.newReceived.total') }.cells",
                        containsInAnyOrder(
                                "applications.newReceived.total",
                                "applications.carriedOver.total",
                                "applications.totalProcessed.total",
                                "applications.carriedForward.total"));

        ServiceProcess.sleep(1500);
        platform.reportingAsAdmin()
                .get("/api/v1/reports/" + agency + "/2023")
                .then()
                .statusCode(404);
        platform.intakeAsAdmin()
                .queryParam("action", "submission.accepted")
                .queryParam("size", 500)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.detail.agencyCode", org.hamcrest.Matchers.not(hasItem(agency)));
    }

    @Test
    void theSameIdempotencyKeyTwiceGivesOneSubmissionAndOneVersion() {
        String agency = Registry.newAgency(platform, "371502");
        String key = UUID.randomUUID().toString();
        var body = Reports.json(Reports.balanced(agency, 2023, 12).build());

        String first = Platform.as(Platform.INTAKE, submitter)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        String second = Platform.as(Platform.INTAKE, submitter)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/submissions")
                .then()
                .statusCode(200)
                .extract()
                .header("Location");

        assertEquals(first, second);
        assertEquals("DELIVERED", Reports.awaitSettled(platform, submitter, first));
        platform.reportingAsAdmin()
                .get("/api/v1/reports/" + agency + "/2023/versions")
                .then()
                .statusCode(200)
                .body("size()", is(1));
    }

    @Test
    void aCorrectionBecomesVersionTwoAndALockedReportRefusesTheNext() {
        String agency = Registry.newAgency(platform, "371502");
        ReportBuilder first = Reports.balanced(agency, 2022, 10);
        String v1 = submit(first);
        assertEquals("DELIVERED", Reports.awaitSettled(platform, submitter, v1));

        String v2 = submit(ReportBuilder.from(first.build())
                .correctionReason("licensing decisions were miscounted")
                .cell("activeDisclosure.licensing.decisions", 12));
        assertEquals("DELIVERED", Reports.awaitSettled(platform, submitter, v2));
        Platform.as(Platform.INTAKE, submitter).get(v2).then().body("version", is(2));

        String supervisor = platform.token(Roles.SUPERVISOR, "371500", "supervisor-zhao");
        Platform.as(Platform.REPORTING, supervisor)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "checked"))
                .post("/api/v1/reports/" + agency + "/2022/approval")
                .then()
                .statusCode(200);
        String v3 = submit(ReportBuilder.from(first.build())
                .correctionReason("one more fix")
                .cell("activeDisclosure.licensing.decisions", 13));

        assertEquals("REJECTED", Reports.awaitSettled(platform, submitter, v3));
        Platform.as(Platform.INTAKE, submitter).get(v3).then().body("rejection", containsString("approved"));
        platform.reportingAsAdmin()
                .get("/api/v1/reports/" + agency + "/2022")
                .then()
                .body("version", is(2));
    }

    private String submit(ReportBuilder report) {
        return Platform.as(Platform.INTAKE, submitter)
                .contentType(ContentType.JSON)
                .body(Reports.json(report.build()))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
    }
}
