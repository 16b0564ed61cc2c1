package cn.ogi.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import cn.ogi.web.auth.Roles;
import cn.ogi.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTest {

    @Test
    void recordsEveryWriteWithItsSubject() {
        TestRegistry.ensureLiaocheng();
        String agency = TestRegistry.newAgency("371502");
        TestReports.deliver(TestReports.balanced2021(agency, 2023).build()).statusCode(201);
        String supervisor = TestTokens.bearer(TestTokens.token(Roles.SUPERVISOR, "371500", "auditor-wang"));
        given().header("Authorization", supervisor)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "ok"))
                .post("/api/v1/reports/" + agency + "/2023/approval")
                .then()
                .statusCode(200);

        given().queryParam("targetKey", agency)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.action", hasItem("agency.created"))
                .body("items.subject", hasItem("test-admin"));
        given().queryParam("targetKey", agency + "/2023/v1")
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.action", hasItem("report.version.created"))
                .body("items.subject", hasItem("test-submitter"))
                .body("items.detail.deliveredBy", hasItem("test-admin"));
        given().header("Authorization", supervisor)
                .queryParam("subject", "auditor-wang")
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.action", hasItem("report.approved"))
                .body("items.targetJurisdiction", everyItem(startsWith("3715")));
    }

    @Test
    void aSupervisorReadsOnlyTheEventsOfItsSubtree() {
        TestRegistry.ensureLiaocheng();
        TestRegistry.putJurisdiction("370100", "济南市", "370000");
        TestRegistry.newAgency("370100");
        String countySupervisor = TestTokens.bearer(TestTokens.token(Roles.SUPERVISOR, "371502", "county-li"));

        given().header("Authorization", countySupervisor)
                .queryParam("size", 500)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.targetJurisdiction", everyItem(startsWith("371502")));
    }
}
