package cn.ogi.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.feed.ChangeEvent;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.stats.memory.LiveModel;
import cn.ogi.stats.model.CompletenessRecomputation;
import cn.ogi.stats.model.CompletenessRules;
import cn.ogi.stats.model.ReadModelWriter;
import cn.ogi.stats.query.Deadlines;
import cn.ogi.web.sql.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deadlines are configuration: when they change, the completeness counters are recomputed (at start, when the
 * rules stored beside them differ from the configured ones). Completeness before and after a change equals what
 * this test computes itself from the events it sent, with the rules written out here once more.
 */
@QuarkusTest
class DeadlineChangeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    ReadModelWriter writer;

    @Inject
    CompletenessRecomputation recomputation;

    @Inject
    LiveModel live;

    @Inject
    Deadlines deadlines;

    @Inject
    Sql db;

    /** What was sent: an agency, its kind and years, and its reports. */
    record Sent(String code, String kind, Integer from, Integer until, Map<Integer, Report> reports) {}

    record Report(OffsetDateTime received, LocalDate publishedOn, boolean imported) {}

    /** The rules as this test understands them. */
    record Rules(MonthDay department, MonthDay government, int graceDays) {}

    private TestFeed.Tree tree;
    private final List<Sent> sent = new ArrayList<>();

    @BeforeEach
    void givenAgenciesReportingAtVariousDatesAroundTheDeadlines() {
        TestFeed feed = new TestFeed(writer);
        tree = feed.newCity(2);
        String a = tree.counties().get(0);
        String b = tree.counties().get(1);
        add(
                feed,
                a,
                "department",
                null,
                null,
                Map.of(
                        2022, new Report(at("2023-01-20T09:00"), null, false),
                        2023, new Report(at("2024-02-10T09:00"), null, false))); // late by 01-31, on time by 02-15
        add(
                feed,
                a,
                "department",
                null,
                null,
                Map.of(
                        2022,
                                new Report(
                                        at("2023-02-20T09:00"),
                                        LocalDate.of(2023, 1, 30),
                                        false), // 21 days: grace 30 yes, 10 no
                        2023, new Report(at("2025-05-01T09:00"), LocalDate.of(2024, 1, 10), true))); // imported history
        add(
                feed,
                b,
                "government",
                null,
                null,
                Map.of(
                        2022,
                                new Report(
                                        at("2023-04-10T09:00"),
                                        LocalDate.of(2023, 3, 28),
                                        false), // 13 days before receipt
                        2023, new Report(at("2024-03-31T23:30"), null, false)));
        add(feed, b, "government", 2023, null, Map.of(2023, new Report(at("2024-05-02T09:00"), null, false)));
        add(feed, tree.city(), "department", null, 2022, Map.of()); // missing 2022, not expected 2023
        add(feed, tree.city(), "government", null, null, Map.of(2023, new Report(at("2024-04-20T09:00"), null, false)));
    }

    @AfterEach
    void backToTheConfiguredRules() {
        recomputation.recompute(CompletenessRules.of(deadlines));
    }

    @Test
    void completenessFollowsAChangeOfDeadlinesAndGraceExactly() {
        checkAgainst(new Rules(MonthDay.of(1, 31), MonthDay.of(3, 31), 30));
        String tag = etag();

        recomputation.recompute(new CompletenessRules(
                MonthDay.of(2, 15), MonthDay.of(4, 30), SHANGHAI, Deadlines.Basis.PUBLISHED_ON, 10));

        checkAgainst(new Rules(MonthDay.of(2, 15), MonthDay.of(4, 30), 10));
        assertNotEquals(tag, etag(), "a recomputation changes the ETags although no event arrived");
        JsonNode rebuilt = Json.read(given().post("/api/v1/stats/rebuild")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertTrue(
                rebuilt.get("equal").asBoolean(),
                "a rebuild with the new rules equals the recomputed counters: " + rebuilt);
    }

    @Test
    void atStartTheCountersAreRecomputedOnlyWhenTheStoredRulesAreNotTheConfiguredOnes() {
        assertFalse(recomputation.recomputeIfChanged(), "the configured rules are stored");
        db.update("UPDATE completeness_rules SET rules = 'department=--02-28;something else'");
        db.update(
                "UPDATE rollup SET value = value + 5 WHERE node = ? AND cell LIKE '#completeness.late.%'", tree.city());

        assertTrue(recomputation.recomputeIfChanged());

        assertFalse(recomputation.recomputeIfChanged());
        checkAgainst(new Rules(MonthDay.of(1, 31), MonthDay.of(3, 31), 30));
    }

    private void checkAgainst(Rules rules) {
        for (int[] span : new int[][] {{2022, 2022}, {2023, 2023}, {2022, 2023}}) {
            JsonNode got = Json.read(given().queryParam("jurisdiction", tree.city())
                    .queryParam("from", span[0])
                    .queryParam("to", span[1])
                    .get("/api/v1/stats/completeness")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            String where = "completeness " + span[0] + "–" + span[1] + " with " + rules;
            List<String> missing = new ArrayList<>();
            List<String> late = new ArrayList<>();
            int expected = 0;
            int reported = 0;
            for (Sent s : sent) {
                for (int year = span[0]; year <= span[1]; year++) {
                    boolean isExpected =
                            (s.from() == null || s.from() <= year) && (s.until() == null || year <= s.until());
                    Report r = s.reports().get(year);
                    expected += isExpected ? 1 : 0;
                    if (r == null) {
                        if (isExpected) {
                            missing.add(s.code() + "/" + year);
                        }
                        continue;
                    }
                    reported++;
                    LocalDate received =
                            r.received().atZoneSameInstant(SHANGHAI).toLocalDate();
                    boolean stated = r.publishedOn() != null
                            && !r.publishedOn().isAfter(received)
                            && (r.imported()
                                    || ChronoUnit.DAYS.between(r.publishedOn(), received) <= rules.graceDays());
                    LocalDate filed = stated ? r.publishedOn() : received;
                    LocalDate due =
                            (s.kind().equals("department") ? rules.department() : rules.government()).atYear(year + 1);
                    if (filed.isAfter(due)) {
                        late.add(s.code() + "/" + year);
                    }
                }
            }
            JsonNode total = got.get("total");
            assertEquals(
                    List.of(expected, reported, reported - late.size(), late.size(), missing.size()),
                    List.of(
                            total.get("expected").asInt(),
                            total.get("reported").asInt(),
                            total.get("onTime").asInt(),
                            total.get("late").asInt(),
                            total.get("missing").asInt()),
                    where + ": expected, reported, onTime, late, missing");
            assertEquals(new TreeSet<>(missing), items(got.get("missing")), where + ": missing");
            assertEquals(new TreeSet<>(late), items(got.get("late")), where + ": late");
            assertEquals(missing.size(), got.get("missingTotal").asInt());
            assertEquals(late.size(), got.get("lateTotal").asInt());
        }
    }

    private void add(
            TestFeed feed, String node, String kind, Integer from, Integer until, Map<Integer, Report> reports) {
        String code = TestFeed.newAgencyCode(node);
        List<ChangeEvent> events = new ArrayList<>();
        events.add(feed.agency(code, "单位" + code.substring(8, 17), kind, node, from, until));
        reports.forEach((year, r) -> {
            var report = TestReports.varied(code, year, year % 7);
            if (r.publishedOn() != null) {
                report.publishedOn(r.publishedOn());
            }
            AnnualReport built = report.build();
            String at = r.received().toString();
            events.add(r.imported() ? feed.importedVersion(built, 1, at) : feed.version(built, 1, at));
        });
        writer.apply(events);
        sent.add(new Sent(code, kind, from, until, reports));
    }

    private String etag() {
        return given().queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .get("/api/v1/stats/completeness")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private static OffsetDateTime at(String local) {
        return OffsetDateTime.parse(local + ":00+08:00");
    }

    private static Set<String> items(JsonNode list) {
        TreeSet<String> items = new TreeSet<>();
        list.forEach(i -> items.add(i.get("code").asText() + "/" + i.get("year").asInt()));
        return items;
    }
}
