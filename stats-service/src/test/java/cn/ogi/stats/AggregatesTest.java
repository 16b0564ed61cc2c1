package cn.ogi.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import cn.ogi.stats.model.ReadModelWriter;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Aggregates read from the rollups equal sums computed here, independently, over the reports sent. */
@QuarkusTest
class AggregatesTest {

    private static final String[] APPLICATION_ROWS = {"newReceived", "carriedOver", "totalProcessed", "carriedForward"};
    private static final String[] REVIEW_CELLS = {
        "reconsideration.upheld",
        "reconsideration.corrected",
        "reconsideration.other",
        "reconsideration.pending",
        "reconsideration.total",
        "litigationDirect.upheld",
        "litigationDirect.corrected",
        "litigationDirect.total",
        "litigationAfterReconsideration.other"
    };

    @Inject
    ReadModelWriter writer;

    /** Reports by the node whose subtree holds them, as sent. */
    private final Map<String, List<AnnualReport>> byNode = new LinkedHashMap<>();

    @Test
    void aggregatesEqualAnIndependentComputationOverTheReportsAtEveryNodeAndYear() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree tree = feed.newCity(2);
        BigDecimal provinceBefore = provinceNewReceived(2023);
        List<String> places = List.of(
                tree.city(),
                tree.counties().get(0),
                tree.counties().get(0),
                tree.counties().get(1),
                tree.counties().get(1),
                tree.counties().get(1));
        int seed = 1;
        for (String place : places) {
            String agency = feed.newAgency(place, seed % 2 == 0 ? "department" : "government");
            for (int year : new int[] {2020, 2023}) { // edition 2019 and edition 2021
                AnnualReport report = TestReports.varied(agency, year, seed++).build();
                feed.add(feed.version(report, 1, year + 1 + "-01-10T08:00:00+08:00"));
                record(tree, place, report);
            }
        }
        feed.flush();

        for (int year : new int[] {2020, 2023}) {
            for (String node :
                    List.of(tree.city(), tree.counties().get(0), tree.counties().get(1))) {
                List<AnnualReport> reports = reports(node, year);
                JsonNode applications = query("applications", node, year, null);
                for (String row : APPLICATION_ROWS) {
                    assertNumber(
                            TestReports.sum(reports, "applications." + row + ".total"), applications.get("total"), row);
                }
                JsonNode outcomes = query("outcomes", node, year, null).get("total");
                assertNumber(
                        TestReports.sum(reports, "applications.withheld.stateSecret.total"),
                        outcomes,
                        "withheld.stateSecret");
                assertNumber(
                        TestReports.sum(reports, "applications.otherDisposal.other.total"),
                        outcomes,
                        "otherDisposal.other");
                BigDecimal disclosed = TestReports.sum(reports, "applications.granted.total")
                        .add(TestReports.sum(reports, "applications.partiallyGranted.total"));
                assertNumber(
                        disclosed.divide(
                                TestReports.sum(reports, "applications.totalProcessed.total"), 6, RoundingMode.HALF_UP),
                        outcomes,
                        "disclosureRate");
                JsonNode reviews = query("reviews", node, year, null).get("total");
                for (String cell : REVIEW_CELLS) {
                    assertNumber(TestReports.sum(reports, "reviews." + cell), reviews, cell);
                }
                BigDecimal upheld = TestReports.sum(reports, "reviews.reconsideration.upheld");
                BigDecimal corrected = TestReports.sum(reports, "reviews.reconsideration.corrected");
                BigDecimal other = TestReports.sum(reports, "reviews.reconsideration.other");
                assertNumber(
                        corrected.divide(upheld.add(corrected).add(other), 6, RoundingMode.HALF_UP),
                        reviews,
                        "reconsiderationCorrectionRate");
                JsonNode fees = query("fees", node, year, null).get("total");
                assertNumber(TestReports.sum(reports, "processingFees.amountYuan"), fees, "processingFees.amountYuan");
                assertNumber(
                        TestReports.sum(reports, "activeDisclosure.administrativeFees.amountWan"),
                        fees,
                        "administrativeFees.amountWan");
            }
        }
        List<AnnualReport> city2023 = reports(tree.city(), 2023);
        assertEquals(
                0,
                provinceNewReceived(2023)
                        .subtract(provinceBefore)
                        .compareTo(TestReports.sum(city2023, "applications.newReceived.total")),
                "the province gains the city's sum");
    }

    @Test
    void rowsByChildByYearByAgencyAndByApplicantTypeAddUpToTheTotal() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree tree = feed.newCity(2);
        List<AnnualReport> all = new ArrayList<>();
        int seed = 3;
        for (String place :
                List.of(tree.city(), tree.counties().get(0), tree.counties().get(1))) {
            String agency = feed.newAgency(place, "department");
            for (int year : new int[] {2022, 2023}) {
                AnnualReport report = TestReports.varied(agency, year, seed++).build();
                feed.add(feed.version(report, 1, "2024-01-05T00:00:00Z"));
                record(tree, place, report);
                all.add(report);
            }
        }
        feed.flush();

        JsonNode byChild = given().queryParam("jurisdiction", tree.city())
                .queryParam("from", 2022)
                .queryParam("to", 2023)
                .queryParam("groupBy", "child")
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .transform(Json::read);
        assertEquals(3, byChild.get("rows").size(), "two counties and the city's own agencies");
        for (String county : tree.counties()) {
            assertNumber(
                    TestReports.sum(
                            all.stream()
                                    .filter(r -> reports(county, r.year()).contains(r))
                                    .toList(),
                            "applications.newReceived.total"),
                    Json.row(byChild, county),
                    "newReceived");
        }
        assertNumber(TestReports.sum(all, "applications.newReceived.total"), byChild.get("total"), "newReceived");
        assertEquals(tree.city() + "", Json.row(byChild, tree.city()).get("key").asText());

        JsonNode byYear = query("applications", tree.city(), null, "year", 2022, 2023);
        assertNumber(
                TestReports.sum(
                        all.stream().filter(r -> r.year() == 2022).toList(), "applications.carriedForward.total"),
                Json.row(byYear, "2022"),
                "carriedForward");

        JsonNode byAgency = query("outcomes", tree.counties().get(1), 2023, "agency");
        assertEquals(1, byAgency.get("rows").size());
        AnnualReport countyReport = reports(tree.counties().get(1), 2023).get(0);
        assertEquals(
                countyReport.agencyCode(),
                byAgency.get("rows").get(0).get("key").asText());
        assertNumber(
                countyReport.cells().value("applications.granted.total").orElseThrow(),
                byAgency.get("rows").get(0),
                "granted");

        JsonNode byApplicant = query("applications", tree.city(), 2023, "applicantType");
        List<AnnualReport> city2023 = reports(tree.city(), 2023);
        for (String column :
                List.of("naturalPerson", "commercial", "research", "socialWelfare", "legalService", "other", "total")) {
            assertNumber(
                    TestReports.sum(city2023, "applications.newReceived." + column),
                    Json.row(byApplicant, column),
                    "newReceived");
        }
        assertEquals("自然人", Json.row(byApplicant, "naturalPerson").get("name").asText());
    }

    @Test
    void aCorrectionChangesTheAggregatesByExactlyTheDifferenceAtEveryAncestor() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree tree = feed.newCity(1);
        String county = tree.counties().get(0);
        String agency = feed.newAgency(county, "department");
        feed.newAgency(county, "department"); // a neighbour whose report must stay counted once
        AnnualReport first = TestReports.varied(agency, 2023, 5).build();
        feed.apply(feed.version(first, 1, "2024-01-02T00:00:00Z"));
        BigDecimal provinceBefore = provinceNewReceived(2023);
        Map<String, JsonNode> before = new LinkedHashMap<>();
        for (String node : List.of(county, tree.city())) {
            before.put(node, query("applications", node, 2023, null).get("total"));
        }

        AnnualReport corrected = ReportBuilder.from(first)
                .correctionReason("typo")
                .applications("newReceived", "naturalPerson", 40)
                .applications("granted", "naturalPerson", 38)
                .withComputedTotals()
                .build();
        feed.apply(feed.version(corrected, 2, "2024-02-02T00:00:00Z"));

        BigDecimal difference = corrected
                .cells()
                .value("applications.newReceived.total")
                .orElseThrow()
                .subtract(first.cells().value("applications.newReceived.total").orElseThrow());
        for (String node : List.of(county, tree.city())) {
            JsonNode after = query("applications", node, 2023, null).get("total");
            assertEquals(
                    0,
                    Json.number(after, "newReceived")
                            .subtract(Json.number(before.get(node), "newReceived"))
                            .compareTo(difference),
                    node);
            assertNumber(Json.number(before.get(node), "carriedOver"), after, "carriedOver");
        }
        assertEquals(0, provinceNewReceived(2023).subtract(provinceBefore).compareTo(difference), "province");
    }

    @Test
    void anAgencyMovingToAnotherJurisdictionTakesItsReportsAlong() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree tree = feed.newCity(2);
        String from = tree.counties().get(0);
        String to = tree.counties().get(1);
        String agency = feed.newAgency(from, "government");
        AnnualReport r2022 = TestReports.varied(agency, 2022, 7).build();
        AnnualReport r2023 = TestReports.varied(agency, 2023, 8).build();
        feed.apply(feed.version(r2022, 1, "2023-03-01T00:00:00Z"), feed.version(r2023, 1, "2024-03-01T00:00:00Z"));
        JsonNode cityBefore = query("applications", tree.city(), null, "year", 2022, 2023);

        feed.apply(feed.agency(agency, "改隶后的单位", "government", to, null, null));

        for (AnnualReport r : List.of(r2022, r2023)) {
            BigDecimal expected =
                    r.cells().value("applications.newReceived.total").orElseThrow();
            assertNumber(
                    BigDecimal.ZERO, query("applications", from, r.year(), null).get("total"), "newReceived");
            assertNumber(expected, query("applications", to, r.year(), null).get("total"), "newReceived");
        }
        assertEquals(
                cityBefore.get("rows"),
                query("applications", tree.city(), null, "year", 2022, 2023).get("rows"),
                "the common ancestor does not change");
    }

    @Test
    void aCountyMovingToAnotherCityTakesItsSubtreeAlong() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree first = feed.newCity(1);
        TestFeed.Tree second = feed.newCity(0);
        String county = first.counties().get(0);
        AnnualReport report = TestReports.varied(feed.newAgency(county, "department"), 2023, 9)
                .build();
        feed.apply(feed.version(report, 1, "2024-01-02T00:00:00Z"));

        feed.apply(feed.jurisdiction(county, "划转县", "county", second.city()));

        BigDecimal received =
                report.cells().value("applications.newReceived.total").orElseThrow();
        assertNumber(
                BigDecimal.ZERO, query("applications", first.city(), 2023, null).get("total"), "newReceived");
        assertNumber(received, query("applications", second.city(), 2023, null).get("total"), "newReceived");
        assertEquals(
                "划转县",
                Json.row(query("applications", second.city(), 2023, "child"), county)
                        .get("name")
                        .asText());
    }

    @Test
    void theSameEventAppliedTwiceChangesNothingTheSecondTime() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree tree = feed.newCity(1);
        AnnualReport report = TestReports.varied(feed.newAgency(tree.counties().get(0), "department"), 2023, 4)
                .build();
        var event = feed.version(report, 1, "2024-01-02T00:00:00Z");
        assertEquals(1, feed.apply(event));
        long cursor = writer.cursor();
        JsonNode once = query("applications", tree.city(), 2023, null);

        assertEquals(0, feed.apply(event), "a replayed seq is skipped");
        assertEquals(0, writer.apply(List.of(event, event)));

        assertEquals(cursor, writer.cursor());
        assertEquals(once, query("applications", tree.city(), 2023, null));
    }

    @Test
    void aReportArrivingBeforeItsAgencyCountsOnceTheAgencyArrives() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree tree = feed.newCity(1);
        String agency = TestFeed.newAgencyCode(tree.counties().get(0));
        AnnualReport report = TestReports.varied(agency, 2023, 6).build();
        feed.apply(feed.version(report, 1, "2024-01-02T00:00:00Z"));
        assertNumber(
                BigDecimal.ZERO, query("applications", tree.city(), 2023, null).get("total"), "newReceived");

        feed.apply(feed.agency(agency, "迟到的单位", "department", tree.counties().get(0), null, null));

        assertNumber(
                report.cells().value("applications.newReceived.total").orElseThrow(),
                query("applications", tree.city(), 2023, null).get("total"),
                "newReceived");
    }

    @Test
    void aCountyArrivingBeforeItsCityIsCountedInTheCityOnceTheCityArrives() {
        TestFeed feed = new TestFeed(writer);
        feed.newCity(0); // the province
        String city = TestFeed.newCityCode();
        String county = city.substring(0, 4) + "77";
        feed.apply(feed.jurisdiction(county, "先到的县", "county", city));
        AnnualReport report = TestReports.varied(feed.newAgency(county, "department"), 2023, 2)
                .build();
        feed.apply(feed.version(report, 1, "2024-01-02T00:00:00Z"));
        BigDecimal provinceBefore = provinceNewReceived(2023);

        feed.apply(feed.jurisdiction(city, "后到的市", "city", TestFeed.PROVINCE));

        BigDecimal received =
                report.cells().value("applications.newReceived.total").orElseThrow();
        assertNumber(received, query("applications", city, 2023, null).get("total"), "newReceived");
        assertEquals(0, provinceNewReceived(2023).subtract(provinceBefore).compareTo(received));
    }

    @Test
    void ratesAreNullWhenTheirDenominatorIsZero() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree tree = feed.newCity(1);
        AnnualReport empty = ReportBuilder.blank("2021", 2023)
                .agencyCode(feed.newAgency(tree.city(), "government"))
                .build();
        feed.apply(feed.version(empty, 1, "2024-01-02T00:00:00Z"));

        JsonNode total = query("reviews", tree.city(), 2023, null).get("total");
        assertNull(Json.number(total, "reconsiderationCorrectionRate"));
        assertNull(Json.number(query("outcomes", tree.city(), 2023, null).get("total"), "disclosureRate"));
    }

    private void record(TestFeed.Tree tree, String place, AnnualReport report) {
        byNode.computeIfAbsent(place, k -> new ArrayList<>()).add(report);
        if (!place.equals(tree.city())) {
            byNode.computeIfAbsent(tree.city(), k -> new ArrayList<>()).add(report);
        }
    }

    private List<AnnualReport> reports(String node, int year) {
        return byNode.getOrDefault(node, List.of()).stream()
                .filter(r -> r.year() == year)
                .toList();
    }

    private static BigDecimal provinceNewReceived(int year) {
        JsonNode total = query("applications", TestFeed.PROVINCE, year, null).get("total");
        return Json.number(total, "newReceived");
    }

    static JsonNode query(String what, String node, Integer year, String groupBy) {
        return query(what, node, year, groupBy, null, null);
    }

    static JsonNode query(String what, String node, Integer year, String groupBy, Integer from, Integer to) {
        var request = given().queryParam("jurisdiction", node);
        if (year != null) {
            request.queryParam("year", year);
        } else {
            request.queryParam("from", from).queryParam("to", to);
        }
        if (groupBy != null) {
            request.queryParam("groupBy", groupBy);
        }
        return Json.read(request.get("/api/v1/stats/" + what)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    static void assertNumber(BigDecimal expected, JsonNode metrics, String field) {
        BigDecimal actual = Json.number(metrics, field);
        if (expected == null || actual == null || expected.compareTo(actual) != 0) {
            throw new AssertionError(field + ": expected " + expected + " but was " + actual + " in " + metrics);
        }
    }
}
