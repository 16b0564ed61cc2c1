package cn.ogi.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.Charset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubmissionResourceTest {

    @Inject
    TestAgencies agencies;

    String agency;

    @BeforeEach
    void registerAgency() {
        agency = agencies.register("371502");
    }

    @Test
    void acceptsABalancedReportAndQueuesItForDelivery() {
        long queued = agencies.count("SELECT count(*) FROM outbox");

        String location = given().contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(agency, 2023)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .body("status", equalTo("RECEIVED"))
                .body("agencyCode", equalTo(agency))
                .extract()
                .header("Location");

        given().get(location)
                .then()
                .statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("year", is(2023))
                .body("source", equalTo("api"));
        assertEquals(queued + 1, agencies.count("SELECT count(*) FROM outbox"));
    }

    @Test
    void refusesAnUnbalancedReportNamingTheRuleAndTheCells() {
        long stored = agencies.count("SELECT count(*) FROM submission");

        given().contentType(ContentType.JSON)
                .body(TestReports.unbalanced(agency, 2023))
                .post("/api/v1/submissions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("findings.rule", hasItem("APP-BALANCE"))
                .body(
                        "findings.find { it.rule == 'APP-BALANCE' && it.cells.contains('applications.carriedForward.total') }.cells",
                        containsInAnyOrder(
                                "applications.newReceived.total",
                                "applications.carriedOver.total",
                                "applications.totalProcessed.total",
                                "applications.carriedForward.total"));

        assertEquals(stored, agencies.count("SELECT count(*) FROM submission"), "nothing stored");
    }

    @Test
    void listsEveryStructuralProblemAtOnce() {
        ObjectNode report = TestReports.json(TestReports.balanced(agency, 2023));
        ((ObjectNode) report.at("/applications/granted")).put("robots", 1);
        ((ObjectNode) report.at("/applications/withheld")).remove("stateSecret");
        ((ObjectNode) report.at("/reviews/reconsideration")).put("upheld", "many");
        report.put("agencyCode", agency.substring(0, 17) + (agency.charAt(17) == '0' ? '1' : '0'));

        given().contentType(ContentType.JSON)
                .body(report)
                .post("/api/v1/submissions")
                .then()
                .statusCode(422)
                .body(
                        "findings.rule",
                        hasItems("SCHEMA-UNKNOWN-KEY", "SCHEMA-MISSING", "SCHEMA-TYPE", "SCHEMA-AGENCY-CODE"))
                .body(
                        "findings.cells.flatten()",
                        hasItems("applications.granted.robots", "reviews.reconsideration.upheld", "agencyCode"));
    }

    @Test
    void refusesNegativeCountsAsOutOfRangeNamingTheCell() {
        ObjectNode report = TestReports.json(TestReports.balanced(agency, 2023));
        ((ObjectNode) report.at("/activeDisclosure/licensing")).put("decisions", -3);

        given().contentType(ContentType.JSON)
                .body(report)
                .post("/api/v1/submissions")
                .then()
                .statusCode(422)
                .body(
                        "findings.find { it.rule == 'VALUE-RANGE' }.cells",
                        hasItem("activeDisclosure.licensing.decisions"));
    }

    @Test
    void refusesAReportOfAnUnknownAgency() {
        given().contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(TestAgencies.newCode("371502"), 2023)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(422)
                .body("findings.rule", hasItem("AGENCY-UNKNOWN"))
                .body("findings[0].cells", hasItem("agencyCode"));
    }

    @Test
    void refusesAReportOfAFutureYear() {
        int next = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1;
        given().contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(agency, 2023)).put("year", next))
                .post("/api/v1/submissions")
                .then()
                .statusCode(422)
                .body("findings.rule", hasItem("SCHEMA-YEAR"));
    }

    @Test
    void theSameIdempotencyKeyAndBodyGiveTheSameSubmission() {
        String key = UUID.randomUUID().toString();
        ObjectNode body = TestReports.json(TestReports.balanced(agency, 2023));

        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        String second = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/submissions")
                .then()
                .statusCode(200)
                .extract()
                .path("id");

        assertEquals(first, second);
        assertEquals(1, agencies.count("SELECT count(*) FROM submission WHERE idempotency_key = '" + key + "'"));
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsAConflict() {
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(TestReports.json(TestReports.balanced(agency, 2023)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202);

        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(TestReports.json(TestReports.balanced(agency, 2022)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/idempotency-key-reused"));
    }

    @Test
    void refusesABodyOverTheLimitWith413() {
        String huge = "{\"narrative\": \"" + "x".repeat(1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON)
                .body(huge)
                .post("/api/v1/submissions")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void refusesABodyThatIsNotUtf8() {
        byte[] gbk = "{\"agencyName\": \"聊城市市场监督管理局\"}".getBytes(Charset.forName("GBK"));
        given().contentType("application/json")
                .body(gbk)
                .post("/api/v1/submissions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("UTF-8"));
    }

    @Test
    void refusesJsonThatDoesNotParseSayingWhere() {
        given().contentType(ContentType.JSON)
                .body("{\"year\": 2023,\n \"edition\": }")
                .post("/api/v1/submissions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("line 2"));
    }

    @Test
    void refusesAnUnsupportedMediaType() {
        given().contentType("application/xml")
                .body("<report/>")
                .post("/api/v1/submissions")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void unknownSubmissionIsAProblem() {
        given().get("/api/v1/submissions/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/submissions/not-a-uuid").then().statusCode(404);
    }

    @Test
    void readinessReportsTheOutboxBacklogAndStaysUp() {
        given().contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(agency, 2021)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202);

        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.backlog", org.hamcrest.Matchers.greaterThan(0));
    }
}
