package cn.ogi.e2e.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.demo.Demo;
import cn.ogi.e2e.Platform;
import cn.ogi.e2e.Reports;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The browser test's province as the API knows it: what the console must show (the overview's answers, the chase
 * list, agencies with reports, the names a county may not see), and corrections pushed through intake.
 */
final class ConsoleProvince {

    static final String PROVINCE = ConsoleBrowserTest.PROVINCE;
    static final int YEAR = ConsoleBrowserTest.YEAR;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Platform platform;
    private final Demo demo;
    private final String admin;
    private final String supervisor;

    ConsoleProvince(Platform platform, Demo demo, String admin, String supervisor) {
        this.platform = platform;
        this.demo = demo;
        this.admin = admin;
        this.supervisor = supervisor;
    }

    // --- the overview against the API --------------------------------------------------------------------------

    /** Every tile and every bar of the overview of {@code node} equals the API's answer to the same questions. */
    void assertOverviewEqualsTheApi(ConsolePages pages, String node) {
        boolean county = node.substring(4).matches("(?!00)\\d\\d");
        Map<String, JsonNode> answers = Map.of(
                "completeness",
                        stats(
                                supervisor,
                                "completeness",
                                Map.of("jurisdiction", node, "from", YEAR - 1, "to", YEAR, "groupBy", "year")),
                "applications",
                        stats(
                                supervisor,
                                "applications",
                                Map.of("jurisdiction", node, "from", 2019, "to", YEAR, "groupBy", "year")),
                "outcomes",
                        stats(
                                supervisor,
                                "outcomes",
                                Map.of("jurisdiction", node, "from", 2019, "to", YEAR, "groupBy", "year")),
                "reviews",
                        stats(
                                supervisor,
                                "reviews",
                                Map.of("jurisdiction", node, "from", YEAR - 1, "to", YEAR, "groupBy", "year")),
                "fees",
                        stats(
                                supervisor,
                                "fees",
                                Map.of("jurisdiction", node, "from", YEAR - 1, "to", YEAR, "groupBy", "year")));
        Map<String, String[]> tiles = pages.tiles();
        String[][] expected = {
            {"expected", "completeness", "expected", "count"},
            {"reported", "completeness", "reported", "count"},
            {"onTime", "completeness", "onTime", "count"},
            {"late", "completeness", "late", "count"},
            {"missing", "completeness", "missing", "count"},
            {"reportingRate", "completeness", "reportingRate", "rate"},
            {"newReceived", "applications", "newReceived", "count"},
            {"disclosureRate", "outcomes", "disclosureRate", "rate"},
            {"reconsiderationCorrectionRate", "reviews", "reconsiderationCorrectionRate", "rate"},
            {"litigationLossRate", "reviews", "litigationLossRate", "rate"},
            {"administrativeFees", "fees", "administrativeFees.amountWan", "amount"},
            {"processingFees", "fees", "processingFees.amountYuan", "amount"}
        };
        assertEquals(expected.length, tiles.size(), "tiles " + tiles.keySet());
        for (String[] e : expected) {
            JsonNode row = rows(answers.get(e[1])).stream()
                    .filter(r -> r.get("key").asText().equals(String.valueOf(YEAR)))
                    .findFirst()
                    .orElseThrow();
            JsonNode want = row.get(e[2]);
            String[] tile = tiles.get(e[0]);
            String where = node + " tile " + e[0];
            if (want == null || want.isNull()) {
                assertEquals("", tile[0], where);
                assertEquals("—", tile[1], where);
                continue;
            }
            assertEquals(
                    0, new BigDecimal(tile[0]).compareTo(want.decimalValue()), where + ": " + tile[0] + " vs " + want);
            if (e[3].equals("count")) {
                assertEquals(ConsolePages.count(want.decimalValue()), tile[1], where);
            } else if (e[3].equals("rate")) {
                assertEquals(ConsolePages.rate(want.asDouble()), tile[1], where);
            }
        }
        JsonNode children = stats(
                supervisor,
                "applications",
                Map.of("jurisdiction", node, "year", YEAR, "groupBy", county ? "agency" : "child"));
        Map<String, Object> bars = pages.chart("chart-children", 0);
        List<String> names = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        rows(children).forEach(r -> {
            names.add(r.get("name").asText());
            values.add(r.get("newReceived").asLong());
        });
        assertEquals(names, bars.get("categories"), node + ": the bars' categories");
        assertEquals(
                values,
                ((List<?>) bars.get("values"))
                        .stream().map(v -> ((Number) v).longValue()).toList(),
                node + ": every bar");
        List<String> tableKeys =
                pages.rows("#children", "key").stream().map(r -> r.get("key")).toList();
        List<String> wantKeys = new ArrayList<>();
        rows(children).forEach(r -> wantKeys.add(r.get("key").asText()));
        wantKeys.add("total");
        assertEquals(wantKeys, tableKeys, node + ": the table's rows");
        Map<String, Object> trend = pages.chart("chart-trend", 0);
        assertEquals(
                rows(answers.get("applications")).stream()
                        .map(r -> r.get("newReceived").asLong())
                        .toList(),
                ((List<?>) trend.get("values"))
                        .stream().map(v -> ((Number) v).longValue()).toList(),
                node + ": the trend");
        if (!county) {
            // the treemap's second level: under each child's tile, the subtree's rows of that child (one answer)
            JsonNode below = stats(
                    supervisor, "applications", Map.of("jurisdiction", node, "year", YEAR, "groupBy", "grandchild"));
            Map<String, String> childNames = new java.util.HashMap<>();
            rows(children)
                    .forEach(r ->
                            childNames.put(r.get("key").asText(), r.get("name").asText()));
            List<String> want = new ArrayList<>();
            rows(below).forEach(g -> {
                String parent = g.get("parent").asText();
                if (!parent.equals(node) && g.get("newReceived").asLong() > 0) {
                    want.add(childNames.get(parent) + " / " + g.get("name").asText() + " = "
                            + g.get("newReceived").asLong());
                }
            });
            List<String> drawn = new ArrayList<>();
            for (Object t : (List<?>) pages.chart("chart-treemap", 0).get("data")) {
                Map<?, ?> tile = (Map<?, ?>) t;
                if (tile.get("children") instanceof List<?> under) {
                    for (Object k : under) {
                        Map<?, ?> g = (Map<?, ?>) k;
                        drawn.add(tile.get("name") + " / " + g.get("name") + " = "
                                + ((Number) g.get("value")).longValue());
                    }
                }
            }
            boolean childWithApplications = rows(children).stream()
                    .anyMatch(r -> !r.get("key").asText().equals(node)
                            && r.get("newReceived").asLong() > 0);
            assertEquals(childWithApplications, !want.isEmpty(), node + ": a child's applications lie below it");
            java.util.Collections.sort(want);
            java.util.Collections.sort(drawn);
            assertEquals(want, drawn, node + ": the treemap's second level");
        }
    }

    // --- data and API helpers ------------------------------------------------------------------------------------

    JsonNode stats(String token, String query, Map<String, ?> params) {
        return read(Platform.as(Platform.STATS, token).queryParams(params).get("/api/v1/stats/" + query));
    }

    JsonNode reporting(String token, String path) {
        return read(Platform.as(Platform.REPORTING, token).get(path));
    }

    static JsonNode read(Response response) {
        assertEquals(200, response.statusCode(), response.asString());
        try {
            return JSON.readTree(response.asString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<JsonNode> rows(JsonNode answer) {
        List<JsonNode> rows = new ArrayList<>();
        answer.get("rows").forEach(rows::add);
        return rows;
    }

    /** The chase list the console must show: the missing, then the late, optionally inside one child. */
    List<Map<String, String>> chaseOf(JsonNode answer, String child) {
        List<Map<String, String>> items = new ArrayList<>();
        for (String status : List.of("missing", "late")) {
            answer.get(status).forEach(i -> {
                String at = i.get("jurisdiction").asText();
                boolean inChild = child == null
                        || (child.equals(PROVINCE)
                                ? at.equals(PROVINCE)
                                : at.startsWith(child.substring(0, child.endsWith("00") ? 4 : 6)));
                if (inChild) {
                    items.add(Map.of("code", i.get("code").asText(), "status", status));
                }
            });
        }
        return items;
    }

    int yearWithMissingAndLate(int fromYear) {
        for (int year = YEAR; year >= fromYear; year--) {
            JsonNode answer = stats(supervisor, "completeness", Map.of("jurisdiction", PROVINCE, "year", year));
            if (answer.get("missing").size() > 0 && answer.get("late").size() > 0) {
                return year;
            }
        }
        throw new AssertionError("the settings must leave a year with missing and late agencies");
    }

    String agencyWithAReportIn(String node, String except) {
        JsonNode reports =
                reporting(admin, "/api/v1/reports?jurisdiction=" + node + "&year=" + YEAR + "&status=open&size=100");
        for (JsonNode r : reports.get("items")) {
            if (r.get("version").asInt() == 1 && !r.get("agencyCode").asText().equals(except)) {
                return r.get("agencyCode").asText();
            }
        }
        throw new AssertionError("no open report of " + YEAR + " in " + node);
    }

    String agencyWithAReportOutside(String node) {
        return demo.reports().stream()
                .filter(r -> r.year() == YEAR)
                .map(r -> r.agencyCode())
                .filter(code -> !jurisdictionOf(code).equals(node))
                .findFirst()
                .orElseThrow();
    }

    String jurisdictionOf(String agencyCode) {
        return demo.agencies().stream()
                .filter(a -> a.code().equals(agencyCode))
                .findFirst()
                .orElseThrow()
                .jurisdiction();
    }

    /** Names a county's supervisor must not see: the other nodes of the province and every agency outside the county. */
    Set<String> foreignNames(String own) {
        Set<String> names = new LinkedHashSet<>();
        demo.jurisdictions().stream().filter(j -> !j.code().equals(own)).forEach(j -> names.add(j.name()));
        demo.agencies().stream().filter(a -> !a.jurisdiction().equals(own)).forEach(a -> names.add(a.name()));
        return names;
    }

    void correct(String agency, java.util.function.Consumer<ObjectNode> change) throws Exception {
        assertEquals("DELIVERED", awaitSettled(submitCorrection(agency, change)));
        awaitStatsCaughtUp();
    }

    /** Submits a correction of the agency's latest YEAR report through intake; the submission's URL. */
    String submitCorrection(String agency, java.util.function.Consumer<ObjectNode> change) throws Exception {
        ObjectNode report = (ObjectNode) reporting(admin, "/api/v1/reports/" + agency + "/" + YEAR)
                .get("report")
                .deepCopy();
        change.accept(report);
        report.put("correctionReason", "数字更正（浏览器测试）");
        return Platform.as(Platform.INTAKE, admin)
                .contentType("application/json")
                .body(JSON.writeValueAsString(report))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
    }

    String awaitSettled(String submission) {
        String[] status = new String[1];
        Platform.await("submission " + submission + " to settle", Duration.ofSeconds(60), () -> {
            status[0] = Platform.as(Platform.INTAKE, admin)
                    .get(submission)
                    .jsonPath()
                    .getString("status");
            return !"RECEIVED".equals(status[0]);
        });
        return status[0];
    }

    static void bump(ObjectNode report, String cell, int by) {
        String[] path = cell.split("\\.", -1);
        ObjectNode node = report;
        for (int i = 0; i < path.length - 1; i++) {
            node = (ObjectNode) node.get(path[i]);
        }
        node.put(path[path.length - 1], node.get(path[path.length - 1]).asLong() + by);
    }

    void awaitStatsCaughtUp() {
        Reports.awaitOutboxEmpty(platform, Duration.ofSeconds(60));
        Platform.await("stats to apply the whole change feed", Duration.ofMinutes(2), () -> {
            Response freshness =
                    Platform.as(Platform.STATS, admin).queryParam("live", true).get("/api/v1/stats/freshness");
            return freshness.statusCode() == 200 && freshness.jsonPath().getLong("lag") == 0;
        });
    }
}
