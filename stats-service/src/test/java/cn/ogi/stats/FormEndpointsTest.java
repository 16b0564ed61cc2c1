package cn.ogi.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.form.edition.Editions;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The form as data for the console: /api/v1/editions (report-form's definitions) and /api/v1/stats/metrics. */
@QuarkusTest
class FormEndpointsTest {

    @Test
    void theEditionsAreReportFormsDefinitions() {
        given().get("/api/v1/editions").then().statusCode(200).body("id", hasItems("2019", "2021", "legacy"));
        var edition = Editions.standard().get("2021");
        given().header("Authorization", TestTokens.bearer(TestTokens.token(Roles.VIEWER, "370100", "wall")))
                .get("/api/v1/editions/2021")
                .then()
                .statusCode(200)
                .body("label", is(edition.label()))
                .body("fromYear", is(2021))
                .body(
                        "sections.key",
                        is(edition.sections().stream().map(s -> s.key()).toList()))
                .body("sections[1].rows[0].key", is("newReceived"))
                .body("sections[1].rows[0].label", is("一、本年新收政府信息公开申请数量"))
                .body("sections[1].rows[0].columnSet", is("applicant"))
                .body("sections[1].rows[0].columns[1].label", is("法人或其他组织 · 商业企业"))
                .body("sections[3].rows[0].type", is("amount"))
                .body("rules.code", hasItems("APP-BALANCE", "IN-FORCE-CHAIN"));
    }

    @Test
    void anUnknownEditionIs404AndATokenIsNeeded() {
        given().get("/api/v1/editions/2030").then().statusCode(404).contentType("application/problem+json");
        given().header(TestTokens.NO_TOKEN, "1").get("/api/v1/editions").then().statusCode(401);
    }

    @Test
    void theMetricsAreLabelledAsTheEditionsLabelTheirRows() {
        var metrics = given().get("/api/v1/stats/metrics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("newReceived", metrics.getString("applications[0].key"));
        assertEquals("一、本年新收政府信息公开申请数量", metrics.getString("applications[0].label"));
        assertEquals(
                "disclosureRate",
                metrics.getList("outcomes.key").stream()
                        .filter("disclosureRate"::equals)
                        .findFirst()
                        .orElse(null));
        assertEquals("行政复议 / 结果维持", metrics.getString("reviews.find { it.key == 'reconsideration.upheld' }.label"));
        given().header("Authorization", TestTokens.bearer(TestTokens.token(Roles.SUBMITTER, "370100", "s")))
                .get("/api/v1/stats/metrics")
                .then()
                .statusCode(403);
    }
}
