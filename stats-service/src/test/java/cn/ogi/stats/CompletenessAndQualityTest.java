package cn.ogi.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import cn.ogi.stats.model.ReadModelWriter;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CompletenessAndQualityTest {

    @Inject
    ReadModelWriter writer;

    private TestFeed.Tree tree;
    private String onTime;
    private String late;
    private String lastMinute;
    private String government;
    private String missing;
    private String collectedLater;
    private String publishedLate;

    /**
     * A county with four departments and a city government, for 2023: one on time, one late by half an hour
     * (Shanghai time), one in the last minute, the government corrected after its deadline but first submitted
     * in time, one missing; two collected long after the deadline (2025) by an admin importing history, whose
     * reports state when they were published: one on time (2024-01-15), one late (2024-02-10); plus two departments
     * not expected in 2023 (reportsFrom 2024, reportsUntil 2022).
     */
    @BeforeEach
    void givenAProvinceWithMissingAndLateReports() {
        TestFeed feed = new TestFeed(writer);
        tree = feed.newCity(1);
        String county = tree.counties().get(0);
        onTime = feed.newAgency(county, "department");
        late = feed.newAgency(county, "department");
        lastMinute = feed.newAgency(county, "department");
        missing = feed.newAgency(county, "department");
        collectedLater = feed.newAgency(county, "department");
        publishedLate = feed.newAgency(county, "department");
        government = feed.newAgency(tree.city(), "government");
        feed.apply(
                feed.agency(TestFeed.newAgencyCode(county), "新设单位", "department", county, 2024, null),
                feed.agency(TestFeed.newAgencyCode(county), "撤销单位", "department", county, null, 2022));
        AnnualReport governmentReport = TestReports.varied(government, 2023, 2).build();
        feed.apply(
                feed.version(
                        TestReports.varied(onTime, 2023, 1).build(),
                        1,
                        "2024-01-20T10:00:00+08:00",
                        "APP-BALANCE",
                        "CARRY-CHAIN"),
                feed.version(TestReports.varied(late, 2023, 3).build(), 1, "2024-01-31T16:30:00Z", "APP-BALANCE"),
                // a publishedOn after the day received cannot be right: the day received counts (on time)
                feed.version(
                        TestReports.varied(lastMinute, 2023, 4)
                                .publishedOn(LocalDate.of(2024, 3, 1))
                                .build(),
                        1,
                        "2024-01-31T23:59:00+08:00"),
                feed.version(governmentReport, 1, "2024-03-15T09:00:00+08:00", "REV-TOTAL"),
                feed.version(
                        ReportBuilder.from(governmentReport)
                                .correctionReason("fix")
                                .build(),
                        2,
                        "2024-05-01T09:00:00+08:00"),
                feed.approval(government, 2023, 2, true),
                feed.importedVersion(
                        TestReports.varied(collectedLater, 2023, 5)
                                .publishedOn(LocalDate.of(2024, 1, 15))
                                .build(),
                        1,
                        "2025-06-01T10:00:00+08:00"),
                feed.importedVersion(
                        TestReports.varied(publishedLate, 2023, 6)
                                .publishedOn(LocalDate.of(2024, 2, 10))
                                .build(),
                        1,
                        "2025-06-01T10:00:00+08:00"));
    }

    @Test
    void completenessCountsAndListsExactlyTheMissingAndTheLateAgencies() {
        JsonNode result = get("completeness", tree.city(), "child");

        JsonNode total = result.get("total");
        assertEquals(7, total.get("expected").asInt());
        assertEquals(6, total.get("reported").asInt());
        assertEquals(4, total.get("onTime").asInt());
        assertEquals(2, total.get("late").asInt());
        assertEquals(1, total.get("missing").asInt());
        assertEquals(0, Json.number(total, "reportingRate").compareTo(new java.math.BigDecimal("0.857143")));
        assertEquals(Set.of(missing), codes(result.get("missing")));
        assertEquals(
                "2024-01-31",
                item(result.get("missing"), missing).get("deadline").asText(),
                "due, for the chase list");
        assertEquals(Set.of(late, publishedLate), codes(result.get("late")));
        JsonNode lateByPublication = item(result.get("late"), publishedLate);
        assertEquals("2024-01-31", lateByPublication.get("deadline").asText());
        assertEquals("2024-02-10", lateByPublication.get("publishedOn").asText());
        assertEquals("2024-02-10", lateByPublication.get("filedOn").asText(), "the stated publication date counts");
        JsonNode lateByReceipt = item(result.get("late"), late);
        assertEquals("2024-02-01", lateByReceipt.get("filedOn").asText(), "16:30Z is 00:30 the next day in Shanghai");
        assertEquals(6, Json.row(result, tree.counties().get(0)).get("expected").asInt());
        assertEquals(1, Json.row(result, tree.city()).get("expected").asInt());
        assertEquals(0, Json.row(result, tree.city()).get("late").asInt(), "lateness is judged by the first version");
    }

    @Test
    void aStatedDateLongBeforeReceiptCountsOnlyForImportedHistoryAndTheLateItemSaysWhichDateDecided() {
        TestFeed feed = new TestFeed(writer);
        String county = feed.newCity(1).counties().get(0);
        String collected = feed.newAgency(county, "department");
        String imported = feed.newAgency(county, "department");
        String withinGrace = feed.newAgency(county, "department");
        feed.apply(
                feed.version(
                        TestReports.varied(collected, 2023, 1)
                                .publishedOn(LocalDate.of(2024, 1, 15))
                                .build(),
                        1,
                        "2025-06-01T10:00:00+08:00"),
                feed.importedVersion(
                        TestReports.varied(imported, 2023, 2)
                                .publishedOn(LocalDate.of(2024, 2, 10))
                                .build(),
                        1,
                        "2025-06-01T10:00:00+08:00"),
                feed.version(
                        TestReports.varied(withinGrace, 2023, 3)
                                .publishedOn(LocalDate.of(2024, 1, 30))
                                .build(),
                        1,
                        "2024-02-20T10:00:00+08:00"));

        JsonNode result = get("completeness", county, null);

        assertEquals(1, result.get("total").get("onTime").asInt(), "only the one received within the grace");
        assertEquals(Set.of(collected, imported), codes(result.get("late")));
        JsonNode byReceipt = item(result.get("late"), collected);
        assertEquals("received", byReceipt.get("decidedBy").asText(), "a date 16 months before receipt is not trusted");
        assertEquals("2025-06-01", byReceipt.get("filedOn").asText());
        assertEquals("2024-01-15", byReceipt.get("publishedOn").asText());
        assertEquals(false, byReceipt.get("importedHistory").asBoolean());
        JsonNode byPublication = item(result.get("late"), imported);
        assertEquals("publishedOn", byPublication.get("decidedBy").asText());
        assertEquals("2024-02-10", byPublication.get("filedOn").asText());
        assertEquals("2025-06-01", byPublication.get("receivedOn").asText());
        assertEquals(true, byPublication.get("importedHistory").asBoolean());
    }

    @Test
    void qualityCountsReportsPerRuleAndListsTheFindingsOfTheNode() {
        JsonNode result = get("quality", tree.city(), null);

        JsonNode total = result.get("total");
        assertEquals(6, total.get("reports").asInt());
        assertEquals(2, total.get("reportsWithFindings").asInt(), "the corrected report no longer has findings");
        assertEquals(2, total.get("APP-BALANCE").asInt());
        assertEquals(1, total.get("CARRY-CHAIN").asInt());
        assertEquals(0, total.get("REV-TOTAL").asInt());
        assertEquals(3, result.get("findingsTotal").asInt());
        assertEquals(Set.of(onTime, late), codes(result.get("findings"), "agencyCode"));

        JsonNode oneRule = Json.read(given().queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .queryParam("rule", "APP-BALANCE")
                .queryParam("size", 1)
                .get("/api/v1/stats/quality")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(2, oneRule.get("findingsTotal").asInt());
        assertEquals(1, oneRule.get("findings").size());
        assertEquals(
                List.of("applications.newReceived.total"),
                List.of(oneRule.get("findings").get(0).get("cells").get(0).asText()));
    }

    private static JsonNode get(String what, String node, String groupBy) {
        var request = given().queryParam("jurisdiction", node).queryParam("year", 2023);
        if (groupBy != null) {
            request.queryParam("groupBy", groupBy);
        }
        return Json.read(request.get("/api/v1/stats/" + what)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static JsonNode item(JsonNode list, String code) {
        for (JsonNode item : list) {
            if (item.get("code").asText().equals(code)) {
                return item;
            }
        }
        throw new AssertionError(code + " not listed in " + list);
    }

    private static Set<String> codes(JsonNode list) {
        return codes(list, "code");
    }

    private static Set<String> codes(JsonNode list, String field) {
        Set<String> codes = new HashSet<>();
        list.forEach(item -> codes.add(item.get(field).asText()));
        return codes;
    }
}
