package cn.ogi.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.web.auth.Roles;
import cn.ogi.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTest {

    @Inject
    TestAgencies agencies;

    @Test
    void recordsAcceptedAndRefusedSubmissionsWithTheSubmitter() {
        String agency = agencies.register("371502");
        String alice = TestTokens.bearer(TestTokens.token(Roles.SUBMITTER, "371500", "alice"));

        String id = given().header("Authorization", alice)
                .contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(agency, 2023)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        given().header("Authorization", alice)
                .contentType(ContentType.JSON)
                .body(TestReports.unbalanced(agency, 2022))
                .post("/api/v1/submissions")
                .then()
                .statusCode(422);

        given().queryParam("targetKey", id)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items[0].action", equalTo("submission.accepted"))
                .body("items[0].subject", equalTo("alice"))
                .body("items[0].roles", equalTo("submitter"))
                .body("items[0].targetJurisdiction", equalTo("371502"))
                .body("items[0].clientAddress", org.hamcrest.Matchers.notNullValue());
        given().queryParam("subject", "alice")
                .queryParam("action", "submission.refused")
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.targetKey", hasItem(agency + "/2022"));
    }

    @Test
    void aSubmitterOfOneCityCannotSubmitForAnotherAndNothingIsStored() {
        String jinanAgency = agencies.register("370102");
        long before = agencies.count("SELECT count(*) FROM submission");

        given().header(
                        "Authorization",
                        TestTokens.bearer(TestTokens.token(Roles.SUBMITTER, "371500", "liaocheng-system")))
                .contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(jinanAgency, 2023)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("370102"));

        assertEquals(before, agencies.count("SELECT count(*) FROM submission"), "nothing stored");
        assertEquals(
                0,
                agencies.count("SELECT count(*) FROM outbox o JOIN submission s ON s.id = o.submission_id "
                        + "WHERE s.agency_code = '" + jinanAgency + "'"),
                "nothing queued for delivery");
    }

    @Test
    void theAuditTrailCannotBeRewritten() {
        String agency = agencies.register("371502");
        given().contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(agency, 2023)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202);

        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class,
                () -> agencies.count("WITH gone AS (DELETE FROM audit_event RETURNING 1) SELECT count(*) FROM gone"));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class,
                () -> agencies.count("WITH changed AS (UPDATE audit_event SET subject = 'someone else' RETURNING 1) "
                        + "SELECT count(*) FROM changed"));
    }
}
