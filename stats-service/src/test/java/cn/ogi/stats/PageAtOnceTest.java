package cn.ogi.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.feed.ChangeEvent;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import cn.ogi.stats.model.ReadModelWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A page is applied at once (its rollup differences summed per cell, each table written once) with exactly the
 * result of applying its events one by one: the same history — a report before its agency, a correction and a
 * stale version in the same page, a seq delivered twice, an agency moving and changing kind after it reported, a
 * county changing city, a node registered after an agency reported in it — sent once as one page and once event
 * by event (to another tree) answers the same, and a rebuild finds the tables and the model in memory equal.
 */
@QuarkusTest
class PageAtOnceTest {

    @Inject
    ReadModelWriter writer;

    /** The codes of one run of the history, by role. */
    private record Codes(Map<String, String> byRole) {
        String get(String role) {
            return byRole.get(role);
        }
    }

    @Test
    void onePageAnswersExactlyAsItsEventsAppliedOneByOne() {
        TestFeed feed = new TestFeed(writer);
        Codes atOnce = codes(feed);
        List<ChangeEvent> page = history(feed, atOnce);
        List<ChangeEvent> withDuplicate = new ArrayList<>(page);
        withDuplicate.add(3, page.get(2)); // the same seq twice in one page
        int applied = writer.apply(withDuplicate);

        Codes oneByOne = codes(feed);
        for (ChangeEvent e : history(feed, oneByOne)) {
            writer.apply(List.of(e));
        }

        assertEquals(page.size(), applied, "every event once, the duplicate not");
        for (String query : List.of(
                "applications?year=2023&groupBy=child",
                "outcomes?from=2022&to=2023",
                "reviews?year=2023&groupBy=year",
                "completeness?year=2023&groupBy=child",
                "completeness?from=2022&to=2023",
                "quality?year=2023")) {
            for (String node : List.of("city", "otherCity", "county1", "county2")) {
                assertEquals(
                        answer(query, node, oneByOne),
                        answer(query, node, atOnce),
                        query + " of " + node + ": one page and event by event differ");
            }
        }
        JsonNode rebuilt = Json.read(given().post("/api/v1/stats/rebuild")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertTrue(rebuilt.get("equal").asBoolean(), rebuilt.toString());
        assertEquals(0, rebuilt.get("differences").get("memory").asLong(), "the model in memory equals the tables");
    }

    private static Codes codes(TestFeed feed) {
        TestFeed.Tree tree = feed.newCity(2);
        TestFeed.Tree other = feed.newCity(1);
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("city", tree.city());
        codes.put("county1", tree.counties().get(0));
        codes.put("county2", tree.counties().get(1));
        codes.put("otherCity", other.city());
        codes.put("otherCounty", other.counties().get(0));
        codes.put("lateNode", TestFeed.newCityCode());
        for (String role : List.of("early", "mover", "kindChanger", "inLateNode", "plain")) {
            codes.put(role, TestFeed.newAgencyCode(role.equals("inLateNode") ? codes.get("lateNode") : tree.city()));
        }
        return new Codes(codes);
    }

    /** The history, in seq order, for one set of codes. */
    private static List<ChangeEvent> history(TestFeed feed, Codes c) {
        AnnualReport early = TestReports.varied(c.get("early"), 2023, 1).build();
        AnnualReport mover = TestReports.varied(c.get("mover"), 2023, 2).build();
        AnnualReport kind = TestReports.varied(c.get("kindChanger"), 2023, 3).build();
        AnnualReport inLate = TestReports.varied(c.get("inLateNode"), 2023, 4).build();
        AnnualReport plain = TestReports.varied(c.get("plain"), 2022, 5).build();
        AnnualReport corrected = ReportBuilder.from(early)
                .applications("granted", "commercial", 9)
                .withComputedTotals()
                .build();
        List<ChangeEvent> events = new ArrayList<>();
        events.add(feed.version(early, 1, "2024-01-10T09:00:00+08:00", "APP-BALANCE")); // before its agency
        events.add(feed.agency(c.get("early"), "早报单位", "department", c.get("county1"), null, null));
        events.add(feed.version(corrected, 2, "2024-03-01T09:00:00+08:00"));
        events.add(feed.version(early, 1, "2024-01-10T09:00:00+08:00")); // stale: ignored
        events.add(feed.agency(c.get("mover"), "迁移单位", "department", c.get("county1"), 2020, null));
        events.add(feed.version(mover, 1, "2024-02-05T09:00:00+08:00", "CARRY-CHAIN"));
        events.add(feed.agency(c.get("kindChanger"), "改类单位", "department", c.get("county2"), null, 2023));
        events.add(feed.version(kind, 1, "2024-03-10T09:00:00+08:00")); // late for a department
        events.add(feed.approval(c.get("kindChanger"), 2023, 1, true));
        events.add(feed.agency(c.get("plain"), "普通单位", "government", c.get("county2"), null, null));
        events.add(feed.version(plain, 1, "2023-03-01T09:00:00+08:00"));
        events.add(feed.version(inLate, 1, "2024-01-05T09:00:00+08:00"));
        events.add(feed.agency(c.get("inLateNode"), "新区单位", "government", c.get("lateNode"), null, null));
        // the mover changes county and city, the kind changer becomes a government (on time by 03-31)
        events.add(feed.agency(c.get("mover"), "迁移单位", "department", c.get("otherCounty"), 2020, null));
        events.add(feed.agency(c.get("kindChanger"), "改类单位", "government", c.get("county2"), null, 2023));
        events.add(feed.jurisdiction(c.get("lateNode"), "后设区", "county", c.get("city")));
        events.add(feed.jurisdiction(c.get("county2"), "改隶县", "county", c.get("otherCity")));
        return events;
    }

    /** The answer with every code (and city number) replaced by its role and the seq left out, so that runs compare. */
    private static JsonNode answer(String query, String role, Codes c) {
        String path = query.substring(0, query.indexOf('?'));
        var request = given().queryParam("jurisdiction", c.get(role));
        for (String p : query.substring(query.indexOf('?') + 1).split("&", -1)) {
            request.queryParam(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
        }
        String body = request.get("/api/v1/stats/" + path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<Map.Entry<String, String>> longestFirst =
                new ArrayList<>(c.byRole().entrySet());
        longestFirst.sort((a, b) -> b.getValue().length() - a.getValue().length()); // agency codes hold node codes
        for (Map.Entry<String, String> e : longestFirst) {
            body = body.replace(e.getValue(), "<" + e.getKey() + ">");
        }
        JsonNode json = Json.read(body.replaceAll("测试市\\d+", "测试市"));
        ((ObjectNode) json).remove("asOfSeq");
        return json;
    }
}
