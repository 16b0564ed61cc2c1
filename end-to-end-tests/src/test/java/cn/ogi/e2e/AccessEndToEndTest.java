package cn.ogi.e2e;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.web.auth.Roles;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 7 through the real processes: jurisdiction scoping and an audit trail with the right subjects. */
class AccessEndToEndTest {

    final Platform platform = Platform.get();

    @Test
    void aSubmitterOfLiaochengCannotSubmitForAJinanAgencyAndNothingIsStoredOrDelivered() {
        String jinanAgency = Registry.newAgency(platform, "370100");
        String liaocheng = platform.token(Roles.SUBMITTER, "371500", "liaocheng-system");

        Platform.as(Platform.INTAKE, liaocheng)
                .contentType(ContentType.JSON)
                .body(Reports.json(Reports.balanced(jinanAgency, 2023, 10).build()))
                .post("/api/v1/submissions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        ServiceProcess.sleep(1500);
        platform.reportingAsAdmin()
                .get("/api/v1/reports/" + jinanAgency + "/2023")
                .then()
                .statusCode(404);
        platform.intakeAsAdmin()
                .queryParam("subject", "liaocheng-system")
                .queryParam("action", "submission.refused")
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.detail.status", hasItem(403));
    }

    @Test
    void everyWriteAppearsInTheAuditTrailsWithItsSubject() {
        String agency = Registry.newAgency(platform, "371502");
        String subject = "audit-subject-" + System.nanoTime();
        String submitter = platform.token(Roles.SUBMITTER, "371502", subject);
        String location = Platform.as(Platform.INTAKE, submitter)
                .contentType(ContentType.JSON)
                .body(Reports.json(Reports.balanced(agency, 2023, 9).build()))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        assertEquals("DELIVERED", Reports.awaitSettled(platform, submitter, location));

        List<String> intakeActions = platform.intakeAsAdmin()
                .queryParam("subject", subject)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.action", String.class);
        List<String> reportingActions = platform.reportingAsAdmin()
                .queryParam("subject", subject)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.action", String.class);
        assertEquals(List.of("submission.accepted"), intakeActions);
        assertEquals(List.of("report.version.created"), reportingActions);
        platform.reportingAsAdmin()
                .queryParam("targetKey", agency)
                .get("/api/v1/audit")
                .then()
                .body("items.subject", hasItem("e2e-admin"))
                .body("items.action", hasItem("agency.created"));
    }
}
