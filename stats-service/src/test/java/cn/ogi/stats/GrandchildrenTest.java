package cn.ogi.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.stats.model.ReadModelWriter;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * groupBy=grandchild: the subtree two levels down in one answer (the console's treemap), each row under its parent,
 * equal to sums computed here over the reports sent, never beyond the caller's jurisdiction.
 */
@QuarkusTest
class GrandchildrenTest {

    private static final String NEW = "applications.newReceived.total";

    @Inject
    ReadModelWriter writer;

    @Test
    void rowsUnderEachChildEqualTheReportsBelowItAndAddUpToTheTotal() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree a = feed.newCity(2);
        TestFeed.Tree b = feed.newCity(1);
        Map<String, List<AnnualReport>> byPlace = new LinkedHashMap<>();
        int seed = 11;
        for (String place : List.of(
                a.city(),
                a.counties().get(0),
                a.counties().get(0),
                a.counties().get(1),
                b.city(),
                b.counties().get(0))) {
            AnnualReport report = TestReports.varied(feed.newAgency(place, "department"), 2023, seed++)
                    .build();
            feed.add(feed.version(report, 1, "2024-01-10T08:00:00+08:00"));
            byPlace.computeIfAbsent(place, k -> new ArrayList<>()).add(report);
        }
        feed.flush();

        JsonNode province = AggregatesTest.query("applications", TestFeed.PROVINCE, 2023, "grandchild");
        assertEquals("grandchild", province.get("groupBy").asText());
        for (String county : List.of(a.counties().get(0), a.counties().get(1))) {
            JsonNode row = Json.row(province, county);
            assertEquals(a.city(), row.get("parent").asText(), county);
            AggregatesTest.assertNumber(TestReports.sum(byPlace.get(county), NEW), row, "newReceived");
        }
        JsonNode aOwn = Json.row(province, a.city());
        assertEquals(a.city(), aOwn.get("parent").asText());
        AggregatesTest.assertNumber(TestReports.sum(byPlace.get(a.city()), NEW), aOwn, "newReceived");
        assertEquals(
                b.city(), Json.row(province, b.counties().get(0)).get("parent").asText());
        assertEquals(
                TestFeed.PROVINCE,
                Json.row(province, TestFeed.PROVINCE).get("parent").asText());
        assertRowsAddUpToTheTotal(province);

        // A city: its counties have no children, so the rows under them are their agencies.
        JsonNode city = AggregatesTest.query("applications", a.city(), 2023, "grandchild");
        Set<String> agencies = new HashSet<>();
        for (String county : a.counties()) {
            for (AnnualReport report : byPlace.get(county)) {
                JsonNode row = Json.row(city, report.agencyCode());
                assertEquals(county, row.get("parent").asText());
                AggregatesTest.assertNumber(TestReports.sum(List.of(report), NEW), row, "newReceived");
                agencies.add(report.agencyCode());
            }
        }
        AggregatesTest.assertNumber(
                TestReports.sum(byPlace.get(a.city()), NEW), Json.row(city, a.city()), "newReceived");
        assertEquals(agencies.size() + 1, city.get("rows").size(), "A's county agencies and A's own level: " + city);
        assertRowsAddUpToTheTotal(city);
    }

    @Test
    void aSupervisorSeesNoGrandchildrenAboveTheirNodeAndTheAnswerRevalidates() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree a = feed.newCity(1);
        String citySupervisor = TestTokens.bearer(TestTokens.token(Roles.SUPERVISOR, a.city(), "city-supervisor"));
        String countySupervisor = TestTokens.bearer(
                TestTokens.token(Roles.SUPERVISOR, a.counties().get(0), "county-supervisor"));
        for (var refused : List.of(List.of(citySupervisor, TestFeed.PROVINCE), List.of(countySupervisor, a.city()))) {
            given().header("Authorization", refused.get(0))
                    .queryParam("jurisdiction", refused.get(1))
                    .queryParam("year", 2023)
                    .queryParam("groupBy", "grandchild")
                    .get("/api/v1/stats/applications")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        var own = given().header("Authorization", citySupervisor)
                .queryParam("year", 2023)
                .queryParam("groupBy", "grandchild")
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .extract();
        JsonNode answer = Json.read(own.asString());
        assertEquals(a.city(), answer.get("jurisdiction").asText());
        for (JsonNode row : answer.get("rows")) {
            String parent = row.get("parent").asText();
            assertTrue(parent.equals(a.city()) || a.counties().contains(parent), "within the city: " + row);
        }
        given().header("Authorization", citySupervisor)
                .header("If-None-Match", own.header("ETag"))
                .queryParam("year", 2023)
                .queryParam("groupBy", "grandchild")
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(304);
    }

    @Test
    void queriesWithoutGrandchildrenRefuseTheGroupingByName() {
        for (String query : List.of("completeness", "quality")) {
            given().queryParam("year", 2023)
                    .queryParam("groupBy", "grandchild")
                    .get("/api/v1/stats/" + query)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("groupBy"));
        }
    }

    private static void assertRowsAddUpToTheTotal(JsonNode result) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode row : result.get("rows")) {
            sum = sum.add(Json.number(row, "newReceived"));
        }
        AggregatesTest.assertNumber(sum, result.get("total"), "newReceived");
    }
}
