package cn.ogi.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.web.auth.Roles;
import cn.ogi.web.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** importedHistory=true: only an admin may mark submissions as imported history; the mark is stored and audited. */
@QuarkusTest
class ImportedHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestAgencies agencies;

    @Test
    void anAdminsImportedHistoryIsStoredWithTheMarkAndAudited() {
        String agency = agencies.register("371502");

        String id = given().contentType(ContentType.JSON)
                .queryParam("importedHistory", true)
                .body(TestReports.json(TestReports.balanced(agency, 2021)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        assertEquals(1, agencies.count("SELECT count(*) FROM submission WHERE imported_history AND id = '" + id + "'"));
        given().queryParam("targetKey", id)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items[0].action", equalTo("submission.accepted"))
                .body("items[0].detail.importedHistory", equalTo(true));
    }

    @Test
    void aSubmissionWithoutTheParameterIsNotMarked() {
        String agency = agencies.register("371502");
        String id = given().contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(agency, 2021)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        assertEquals(
                1, agencies.count("SELECT count(*) FROM submission WHERE NOT imported_history AND id = '" + id + "'"));
    }

    @Test
    void aSubmitterMayNotMarkImportedHistoryAndNothingIsStored() throws Exception {
        String agency = agencies.register("371502");
        String submitter = TestTokens.bearer(TestTokens.token(Roles.SUBMITTER, "371500", "liaocheng-system"));
        long before = agencies.count("SELECT count(*) FROM submission");

        given().header("Authorization", submitter)
                .contentType(ContentType.JSON)
                .queryParam("importedHistory", "true")
                .body(TestReports.json(TestReports.balanced(agency, 2022)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("imported-history-admin-only"));
        given().header("Authorization", submitter)
                .contentType("application/x-ndjson")
                .queryParam("importedHistory", "true")
                .body((JSON.writeValueAsString(TestReports.json(TestReports.balanced(agency, 2023))) + "\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/submissions/batch")
                .then()
                .statusCode(403);

        assertEquals(before, agencies.count("SELECT count(*) FROM submission"), "nothing stored");
    }

    @Test
    void aValueOtherThanTrueOrFalseIsA400NamingTheParameter() {
        given().contentType(ContentType.JSON)
                .queryParam("importedHistory", "yes")
                .body("{}")
                .post("/api/v1/submissions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("importedHistory"));
    }

    @Test
    void anAdminsBatchMarksEveryLine() throws Exception {
        String agency = agencies.register("371502");
        String body = JSON.writeValueAsString(TestReports.json(TestReports.balanced(agency, 2021))) + "\n"
                + JSON.writeValueAsString(TestReports.json(TestReports.balanced(agency, 2022))) + "\n";

        given().contentType("application/x-ndjson")
                .queryParam("importedHistory", true)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/submissions/batch")
                .then()
                .statusCode(200);

        assertEquals(
                2,
                agencies.count(
                        "SELECT count(*) FROM submission WHERE imported_history AND agency_code = '" + agency + "'"));
    }
}
