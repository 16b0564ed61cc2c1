package cn.ogi.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.reader.SyntheticReport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DryRunResourceTest {

    @Inject
    TestAgencies agencies;

    @Test
    void validatingAValidReportGivesAnEmptyListAndStoresNothing() {
        String agency = agencies.register("371500");
        long stored = agencies.count("SELECT count(*) FROM submission");

        given().contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(agency, 2023)))
                .post("/api/v1/validate")
                .then()
                .statusCode(200)
                .body("valid", is(true))
                .body("findings", hasSize(0));

        assertEquals(stored, agencies.count("SELECT count(*) FROM submission"));
    }

    @Test
    void validatingAnUnbalancedReportListsItsFindings() {
        String agency = agencies.register("371500");

        given().contentType(ContentType.JSON)
                .body(TestReports.unbalanced(agency, 2023))
                .post("/api/v1/validate")
                .then()
                .statusCode(200)
                .body("valid", is(false))
                .body("findings.rule", hasItem("APP-BALANCE"));
    }

    @Test
    void parsingAPublishedTextGivesTheCanonicalReportAndNotes() {
        String text = SyntheticReport.edition2021().text();

        given().contentType("text/plain; charset=utf-8")
                .body(text)
                .post("/api/v1/parse")
                .then()
                .statusCode(200)
                .body("edition", equalTo("2021"))
                .body("report.year", is(2022))
                .body("report.applications.newReceived.total", is(7))
                .body("report.activeDisclosure.licensing.decisions", is(396))
                .body("notes.kind", hasItem("edition-detected"));
    }

    @Test
    void parsingSomethingThatIsNotAReportSaysWhatWasNotFound() {
        given().contentType("text/plain; charset=utf-8")
                .body("2023年 今天天气很好。")
                .queryParam("year", 2023)
                .post("/api/v1/parse")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/unreadable-report"));
    }

    @Test
    void aTextSubmissionIsStoredAsPublishedEvenWhenItsNumbersDoNotAddUp() {
        String agency = agencies.register("371502");
        String text = SyntheticReport.edition2021()
                .row("granted", "3", "1", "0", "0", "0", "0", "9")
                .text();

        String id = given().contentType("text/plain; charset=utf-8")
                .body(text)
                .queryParam("agencyCode", agency)
                .queryParam("year", 2022)
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .body("source", equalTo("text"))
                .body("findings.rule", hasItem("APP-TOTAL-COL"))
                .extract()
                .path("id");

        assertEquals(
                1,
                agencies.count("SELECT count(*) FROM submission WHERE id = '" + id
                        + "' AND original_text IS NOT NULL AND source = 'text'"));
    }

    @Test
    void aTextSubmissionNeedsTheAgencyCode() {
        given().contentType("text/plain; charset=utf-8")
                .body(SyntheticReport.edition2021().text())
                .post("/api/v1/submissions")
                .then()
                .statusCode(400)
                .body("detail", containsString("agencyCode"));
    }
}
