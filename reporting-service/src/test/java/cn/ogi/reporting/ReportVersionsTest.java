package cn.ogi.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportVersionsTest {

    String agency;

    @BeforeEach
    void registerAgency() {
        TestRegistry.ensureLiaocheng();
        agency = TestRegistry.newAgency("371502");
    }

    @Test
    void firstDeliveryCreatesVersionOneAndTheReportCanBeRead() {
        AnnualReport report = TestReports.balanced2021(agency, 2023).build();

        TestReports.deliver(report)
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/reports/" + agency + "/2023/versions/1"))
                .body("version", is(1))
                .body("unchanged", is(false))
                .body("findings", hasSize(0));

        given().get("/api/v1/reports/" + agency + "/2023")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("version", is(1))
                .body("status", equalTo("open"))
                .body("jurisdiction", equalTo("371502"))
                .body("report.applications.newReceived.total", is(10))
                .body("report.edition", equalTo("2021"));
    }

    @Test
    void answersNotModifiedWhenTheClientHoldsTheLatestVersion() {
        TestReports.deliver(TestReports.balanced2021(agency, 2023).build()).statusCode(201);

        given().header("If-None-Match", "\"1\"")
                .get("/api/v1/reports/" + agency + "/2023")
                .then()
                .statusCode(304);
        given().header("If-None-Match", "\"0\"")
                .get("/api/v1/reports/" + agency + "/2023")
                .then()
                .statusCode(200);
    }

    @Test
    void diffBetweenFirstAndThirdVersionListsExactlyTheChangedCells() {
        ReportBuilder v1 = TestReports.balanced2021(agency, 2023);
        TestReports.deliver(v1.build()).statusCode(201);
        ReportBuilder v2 = ReportBuilder.from(v1.build())
                .correctionReason("typo in licensing")
                .cell("activeDisclosure.licensing.decisions", 40);
        TestReports.deliver(v2.build()).statusCode(201).body("version", is(2));
        ReportBuilder v3 = ReportBuilder.from(v2.build())
                .correctionReason("one more granted")
                .applications("newReceived", "naturalPerson", 11)
                .applications("granted", "naturalPerson", 9)
                .withComputedTotals();
        TestReports.deliver(v3.build()).statusCode(201).body("version", is(3));

        given().queryParam("from", 1)
                .queryParam("to", 3)
                .get("/api/v1/reports/" + agency + "/2023/diff")
                .then()
                .statusCode(200)
                .body(
                        "cell",
                        containsInAnyOrder(
                                "activeDisclosure.licensing.decisions",
                                "applications.newReceived.naturalPerson",
                                "applications.newReceived.total",
                                "applications.granted.naturalPerson",
                                "applications.granted.total",
                                "applications.totalProcessed.naturalPerson",
                                "applications.totalProcessed.total"))
                .body("find { it.cell == 'activeDisclosure.licensing.decisions' }.from", is(0))
                .body("find { it.cell == 'activeDisclosure.licensing.decisions' }.to", is(40));
        given().get("/api/v1/reports/" + agency + "/2023/versions")
                .then()
                .statusCode(200)
                .body("version", org.hamcrest.Matchers.contains(1, 2, 3))
                .body(
                        "correctionReason",
                        org.hamcrest.Matchers.contains(null, "typo in licensing", "one more granted"));
    }

    @Test
    void refusesACorrectionMadeAgainstAStaleVersion() {
        ReportBuilder v1 = TestReports.balanced2021(agency, 2023);
        TestReports.deliver(v1.build()).statusCode(201);
        TestReports.deliver(ReportBuilder.from(v1.build())
                        .correctionReason("first fix")
                        .cell("activeDisclosure.punishment.decisions", 3)
                        .build())
                .statusCode(201);

        given().contentType(ContentType.JSON)
                .header("Delivery-Key", UUID.randomUUID().toString())
                .header("If-Match", "\"1\"")
                .body(TestReports.delivery(ReportBuilder.from(v1.build())
                        .correctionReason("late fix")
                        .cell("activeDisclosure.enforcement.decisions", 5)
                        .build()))
                .post("/api/v1/reports/" + agency + "/2023/versions")
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("currentVersion", is(2));
    }

    @Test
    void identicalResubmissionCreatesNoVersion() {
        AnnualReport report = TestReports.balanced2021(agency, 2023).build();
        TestReports.deliver(report).statusCode(201);

        TestReports.deliver(ReportBuilder.from(report)
                        .correctionReason("sent again")
                        .build())
                .statusCode(200)
                .body("version", is(1))
                .body("unchanged", is(true));

        given().get("/api/v1/reports/" + agency + "/2023/versions").then().body("$", hasSize(1));
    }

    @Test
    void theSameDeliveryTwiceGivesTheSameVersionOnce() {
        AnnualReport report = TestReports.balanced2021(agency, 2023).build();
        String key = UUID.randomUUID().toString();

        TestReports.deliver(report, key).statusCode(201).body("version", is(1));
        TestReports.deliver(report, key).statusCode(200).body("version", is(1)).body("replayed", is(true));

        given().get("/api/v1/reports/" + agency + "/2023/versions").then().body("$", hasSize(1));
    }

    @Test
    void aCorrectionMustSayWhy() {
        ReportBuilder v1 = TestReports.balanced2021(agency, 2023);
        TestReports.deliver(v1.build()).statusCode(201);

        TestReports.deliver(ReportBuilder.from(v1.build())
                        .cell("activeDisclosure.punishment.decisions", 9)
                        .build())
                .statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("/correction-reason-required"));
    }

    @Test
    void anApprovedReportRefusesCorrectionsUntilReopened() {
        ReportBuilder v1 = TestReports.balanced2021(agency, 2023);
        TestReports.deliver(v1.build()).statusCode(201);

        String supervisor = TestTokens.bearer(TestTokens.token(Roles.SUPERVISOR, "371502", "supervisor-li"));
        given().contentType(ContentType.JSON)
                .header("Authorization", supervisor)
                .body(Map.of("reason", "checked against the published page"))
                .post("/api/v1/reports/" + agency + "/2023/approval")
                .then()
                .statusCode(200)
                .body("action", equalTo("approved"))
                .body("by", equalTo("supervisor-li"));
        AnnualReport correction = ReportBuilder.from(v1.build())
                .correctionReason("fix")
                .cell("activeDisclosure.punishment.decisions", 9)
                .build();

        TestReports.deliver(correction)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/report-locked"))
                .body("detail", org.hamcrest.Matchers.containsString("approved"));
        given().get("/api/v1/reports/" + agency + "/2023")
                .then()
                .header("ETag", equalTo("\"1-approved\""))
                .body("status", equalTo("approved"))
                .body("approval.reason", equalTo("checked against the published page"));

        given().contentType(ContentType.JSON)
                .header("Authorization", supervisor)
                .body(Map.of("reason", "agency found an error"))
                .post("/api/v1/reports/" + agency + "/2023/reopen")
                .then()
                .statusCode(200);
        TestReports.deliver(correction).statusCode(201).body("version", is(2));
    }

    @Test
    void storesACarryChainWarningWhenCarriedOverDiffersFromLastYearsCarriedForward() {
        TestReports.deliver(TestReports.balanced2021(agency, 2021).build()).statusCode(201);
        AnnualReport year2022 = ReportBuilder.blank("2021", 2022)
                .agencyCode(agency)
                .applications("carriedOver", "naturalPerson", 5)
                .applications("granted", "naturalPerson", 5)
                .withComputedTotals()
                .build();

        TestReports.deliver(year2022)
                .statusCode(201)
                .body("findings.rule", hasItem("CARRY-CHAIN"))
                .body("findings.find { it.rule == 'CARRY-CHAIN' }.severity", equalTo("warning"))
                .body(
                        "findings.find { it.rule == 'CARRY-CHAIN' }.cells",
                        hasItem("applications.carriedOver.naturalPerson"));

        given().queryParam("jurisdiction", "371502")
                .queryParam("year", 2022)
                .queryParam("hasFindings", true)
                .queryParam("size", 500)
                .get("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("items.agencyCode", hasItem(agency));
        given().get("/api/v1/reports/" + agency + "/2022/versions/1")
                .then()
                .statusCode(200)
                .body("findings.rule", hasItem("CARRY-CHAIN"))
                .body("report", notNullValue());
    }

    @Test
    void refusesAReportForAnUnknownAgency() {
        String unknown = TestRegistry.newAgencyCode("371502");
        TestReports.deliver(TestReports.balanced2021(unknown, 2023).build())
                .statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("/unknown-agency"));
    }

    @Test
    void unknownReportIsAProblemNotAStackTrace() {
        given().get("/api/v1/reports/" + agency + "/2020")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404));
        given().get("/api/v1/reports/" + agency + "/1800")
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("year"));
    }
}
