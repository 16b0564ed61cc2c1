package cn.ogi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.demo.AgencyYear;
import cn.ogi.demo.Demo;
import cn.ogi.demo.DemoLoader;
import cn.ogi.demo.DemoProvince;
import cn.ogi.demo.DemoSettings;
import cn.ogi.demo.Jurisdiction;
import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A generated province loaded through the public APIs (registry import, intake's NDJSON batches, delivery,
 * the change feed): every stats query for every node and year equals what {@link GeneratedAggregates}
 * computes from the generator's output, and completeness lists exactly the agencies the generator left out
 * and the ones it made late. The province has its own code (45), so the other end-to-end tests' data
 * (under 370000) is not in any node compared here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvinceEndToEndTest {

    static final DemoSettings SETTINGS = DemoSettings.small().withProvince(45).withShape(3, 2, 4, 6);
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final BigDecimal RATE_TOLERANCE = new BigDecimal("0.000001");

    final Platform platform = Platform.get();
    final String admin = platform.token(Roles.ADMIN, null, "e2e-province");
    private Demo demo;
    private GeneratedAggregates expected;
    private final List<String> mismatches = new ArrayList<>();
    private int compared;

    @BeforeAll
    void loadAGeneratedProvinceThroughIntake() throws Exception {
        demo = DemoProvince.generate(SETTINGS);
        assertTrue(
                !demo.missing().isEmpty()
                        && !demo.late().isEmpty()
                        && !demo.warnings().isEmpty(),
                "the settings must produce missing, late and broken reports to test them");
        new DemoLoader(
                        URI.create("http://localhost:" + Platform.INTAKE),
                        URI.create("http://localhost:" + Platform.REPORTING),
                        admin,
                        500,
                        Duration.ofMinutes(5))
                .load(demo);
        Platform.await("stats to apply the whole change feed", Duration.ofMinutes(2), () -> {
            Response freshness =
                    Platform.as(Platform.STATS, admin).queryParam("live", true).get("/api/v1/stats/freshness");
            return freshness.statusCode() == 200 && freshness.jsonPath().getLong("lag") == 0;
        });
        expected = new GeneratedAggregates(demo);
    }

    @Test
    void everyAggregateOfEveryNodeAndYearEqualsTheGeneratedReports() {
        for (Jurisdiction node : expected.jurisdictions()) {
            String code = node.code();
            for (int year = SETTINGS.fromYear(); year <= SETTINGS.toYear(); year++) {
                int y = year;
                List<AgencyYear> reports = expected.reports(y, y, a -> expected.inSubtree(a, code));
                Map<String, List<AgencyYear>> byChild = byKey(reports, r -> expected.childOf(r.agencyCode(), code));
                checkGrouped("applications", code, y, "child", byChild, rs -> expected.applications(rs, "total"));
                checkGrouped("outcomes", code, y, "child", byChild, expected::outcomes);
                checkGrouped("reviews", code, y, "child", byChild, expected::reviews);
                checkGrouped("fees", code, y, "child", byChild, expected::fees);
                checkGrouped("quality", code, y, null, Map.of(), expected::quality);
                checkGrouped(
                        "applications",
                        code,
                        y,
                        "agency",
                        byKey(reports, AgencyYear::agencyCode),
                        rs -> expected.applications(rs, "total"));
                checkApplicantTypes(code, y, reports);
            }
            List<AgencyYear> allYears =
                    expected.reports(SETTINGS.fromYear(), SETTINGS.toYear(), a -> expected.inSubtree(a, code));
            Map<String, List<AgencyYear>> byYear = byKey(allYears, r -> String.valueOf(r.year()));
            check("applications", query(code, null, "year"), byYear, rs -> expected.applications(rs, "total"));
            check("outcomes", query(code, null, null), Map.of(), expected::outcomes, expected.outcomes(allYears));
        }
        System.out.printf("province: %d numbers compared with the generated reports%n", compared);
        assertTrue(compared > 2000, "compared only " + compared + " numbers");
        assertEquals(
                List.of(),
                mismatches.subList(0, Math.min(30, mismatches.size())),
                mismatches.size() + " of " + compared + " numbers differ");
    }

    @Test
    void completenessListsExactlyTheAgenciesTheGeneratorLeftOutAndTheLateOnes() {
        int late = 0;
        int missing = 0;
        for (Jurisdiction node : expected.jurisdictions()) {
            for (int year = SETTINGS.fromYear(); year <= SETTINGS.toYear(); year++) {
                GeneratedAggregates.Completeness want = expected.completeness(node.code(), year);
                JsonNode got = get("completeness", Map.of("jurisdiction", node.code(), "year", year));
                String where = "completeness " + node.code() + " " + year;
                JsonNode total = got.get("total");
                assertEquals(
                        List.of(want.expected(), want.reported(), want.onTime(), want.late(), want.missing()),
                        List.of(
                                total.get("expected").asInt(),
                                total.get("reported").asInt(),
                                total.get("onTime").asInt(),
                                total.get("late").asInt(),
                                total.get("missing").asInt()),
                        where + ": expected, reported, onTime, late, missing");
                assertEquals(want.missingCodes(), codes(got.get("missing")), where + ": missing agencies");
                assertEquals(want.lateCodes(), codes(got.get("late")), where + ": late agencies");
                if (node.parent() == null) {
                    late += want.late();
                    missing += want.missing();
                }
            }
        }
        assertEquals(demo.late().size(), late, "every late report of the generator is listed under the province");
        assertEquals(demo.missing().size(), missing, "every missing report is listed under the province");
    }

    @Test
    void completenessByChildAddsUpToTheProvince() {
        String province = expected.province();
        JsonNode got =
                get("completeness", Map.of("jurisdiction", province, "year", SETTINGS.toYear(), "groupBy", "child"));
        for (JsonNode row : got.get("rows")) {
            String key = row.get("key").asText();
            GeneratedAggregates.Completeness want = key.equals(province)
                    ? ownLevel(province, SETTINGS.toYear())
                    : expected.completeness(key, SETTINGS.toYear());
            assertEquals(
                    List.of(want.expected(), want.late(), want.missing()),
                    List.of(
                            row.get("expected").asInt(),
                            row.get("late").asInt(),
                            row.get("missing").asInt()),
                    "completeness row " + key);
        }
        assertEquals(expected.children(province).size() + 1, got.get("rows").size());
    }

    @Test
    void csvAndXlsxOfTheProvinceByChildHoldTheGeneratedNumbers() throws Exception {
        int year = SETTINGS.toYear();
        String province = expected.province();
        List<AgencyYear> reports = expected.reports(year, year, a -> expected.inSubtree(a, province));
        Map<String, List<AgencyYear>> byChild = byKey(reports, r -> expected.childOf(r.agencyCode(), province));
        Map<String, Object> params = Map.of("jurisdiction", province, "year", year, "groupBy", "child");
        Map<String, Map<String, BigDecimal>> want = new LinkedHashMap<>();
        for (String child : expected.children(province)) {
            want.put(child, numbers(expected.applications(byChild.getOrDefault(child, List.of()), "total")));
        }
        want.put(province, numbers(expected.applications(byChild.getOrDefault(province, List.of()), "total")));
        want.put("total", numbers(expected.applications(reports, "total")));

        byte[] csv = Platform.as(Platform.STATS, admin)
                .queryParams(params)
                .accept("text/csv")
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertEquals("\uFEFF", new String(csv, 0, 3, StandardCharsets.UTF_8), "a BOM for Excel and WPS");
        List<List<String>> csvTable = new ArrayList<>();
        try (var parser =
                CSVFormat.DEFAULT.parse(new StringReader(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)))) {
            parser.forEach(record -> csvTable.add(record.toList()));
        }
        assertEquals(want, tableNumbers(csvTable), "CSV");

        byte[] xlsx = Platform.as(Platform.STATS, admin)
                .queryParams(params)
                .accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        List<List<String>> sheet = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var formatter = new DataFormatter(Locale.ROOT);
            workbook.getSheetAt(0).forEach(row -> {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(
                        cell.getCellType() == CellType.NUMERIC
                                ? BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString()
                                : formatter.formatCellValue(cell)));
                sheet.add(cells);
            });
        }
        assertEquals(want, tableNumbers(sheet), "XLSX");
    }

    /** A table of an export (Chinese header row, key row, one row per group, the total) as numbers by key. */
    private static Map<String, Map<String, BigDecimal>> tableNumbers(List<List<String>> table) {
        List<String> keys = table.get(1);
        Map<String, Map<String, BigDecimal>> rows = new LinkedHashMap<>();
        for (List<String> row : table.subList(2, table.size())) {
            Map<String, BigDecimal> numbers = new LinkedHashMap<>();
            for (String metric : GeneratedAggregates.BALANCE_ROWS) {
                numbers.put(metric, new BigDecimal(row.get(keys.indexOf(metric))).stripTrailingZeros());
            }
            rows.put(row.get(0), numbers);
        }
        return rows;
    }

    private static Map<String, BigDecimal> numbers(Map<String, Object> metrics) {
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        GeneratedAggregates.BALANCE_ROWS.forEach(
                m -> numbers.put(m, ((BigDecimal) metrics.get(m)).stripTrailingZeros()));
        return numbers;
    }

    /** The province's own agencies: the province's counts minus its children's. */
    private GeneratedAggregates.Completeness ownLevel(String province, int year) {
        GeneratedAggregates.Completeness all = expected.completeness(province, year);
        int e = all.expected();
        int l = all.late();
        int m = all.missing();
        for (String child : expected.children(province)) {
            GeneratedAggregates.Completeness c = expected.completeness(child, year);
            e -= c.expected();
            l -= c.late();
            m -= c.missing();
        }
        return new GeneratedAggregates.Completeness(e, 0, 0, l, m, Set.of(), Set.of());
    }

    private void checkApplicantTypes(String node, int year, List<AgencyYear> reports) {
        JsonNode got = get("applications", Map.of("jurisdiction", node, "year", year, "groupBy", "applicantType"));
        Map<String, JsonNode> rows = rowsByKey(got);
        for (String column : GeneratedAggregates.APPLICANTS) {
            JsonNode row = rows.get(column);
            if (row == null && !column.equals("total")) {
                mismatches.add("applications " + node + " " + year + " applicantType: no row " + column);
                continue;
            }
            if (row != null) {
                compare(
                        "applications " + node + " " + year + " applicantType " + column,
                        expected.applications(reports, column),
                        row);
            }
        }
    }

    private void checkGrouped(
            String what,
            String node,
            int year,
            String groupBy,
            Map<String, List<AgencyYear>> groups,
            Function<List<AgencyYear>, Map<String, Object>> metrics) {
        Map<String, Object> params = new LinkedHashMap<>(Map.of("jurisdiction", node, "year", year));
        if (groupBy != null) {
            params.put("groupBy", groupBy);
        }
        List<AgencyYear> all = new ArrayList<>();
        groups.values().forEach(all::addAll);
        if (groupBy == null) {
            all = expected.reports(year, year, a -> expected.inSubtree(a, node));
        }
        check(what, params, groups, metrics, metrics.apply(all));
    }

    private void check(
            String what,
            Map<String, Object> params,
            Map<String, List<AgencyYear>> groups,
            Function<List<AgencyYear>, Map<String, Object>> metrics) {
        List<AgencyYear> all = new ArrayList<>();
        groups.values().forEach(all::addAll);
        check(what, params, groups, metrics, metrics.apply(all));
    }

    private void check(
            String what,
            Map<String, Object> params,
            Map<String, List<AgencyYear>> groups,
            Function<List<AgencyYear>, Map<String, Object>> metrics,
            Map<String, Object> total) {
        JsonNode got = get(what, params);
        String where = what + " " + params;
        compare(where + " total", total, got.get("total"));
        Map<String, JsonNode> rows = rowsByKey(got);
        for (Map.Entry<String, JsonNode> row : rows.entrySet()) {
            compare(
                    where + " row " + row.getKey(),
                    metrics.apply(groups.getOrDefault(row.getKey(), List.of())),
                    row.getValue());
        }
        for (String key : groups.keySet()) {
            if (!rows.containsKey(key)) {
                mismatches.add(where + ": no row " + key + " although it has reports");
            }
        }
    }

    /** Every expected metric equals the answer's; metrics the answer has beyond them are zero or null. */
    private void compare(String where, Map<String, Object> want, JsonNode got) {
        for (Map.Entry<String, Object> metric : want.entrySet()) {
            compared++;
            JsonNode value = got.get(metric.getKey());
            BigDecimal expectedValue = (BigDecimal) metric.getValue();
            boolean rate = metric.getKey().endsWith("Rate") || metric.getKey().startsWith("withheldShare.");
            if (!equal(expectedValue, value, rate)) {
                mismatches.add(where + " " + metric.getKey() + ": expected " + expectedValue + ", got " + value);
            }
        }
        got.fields().forEachRemaining(field -> {
            if (!want.containsKey(field.getKey())
                    && field.getValue().isNumber()
                    && field.getValue().decimalValue().signum() != 0) {
                mismatches.add(where + " " + field.getKey() + ": expected 0 (no generated report has it), got "
                        + field.getValue());
            }
        });
    }

    private static boolean equal(BigDecimal want, JsonNode got, boolean rate) {
        if (want == null) {
            return got == null || got.isNull();
        }
        if (got == null || !got.isNumber()) {
            return false;
        }
        BigDecimal difference = want.subtract(got.decimalValue()).abs();
        return rate ? difference.compareTo(RATE_TOLERANCE) <= 0 : difference.signum() == 0;
    }

    private static Map<String, Object> query(String node, Integer year, String groupBy) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("jurisdiction", node);
        if (year == null) {
            params.put("from", SETTINGS.fromYear());
            params.put("to", SETTINGS.toYear());
        } else {
            params.put("year", year);
        }
        if (groupBy != null) {
            params.put("groupBy", groupBy);
        }
        return params;
    }

    private JsonNode get(String what, Map<String, Object> params) {
        Response response =
                Platform.as(Platform.STATS, admin).queryParams(params).get("/api/v1/stats/" + what);
        assertEquals(200, response.statusCode(), what + " " + params + ": " + response.asString());
        try {
            return JSON.readTree(response.asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, JsonNode> rowsByKey(JsonNode result) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        JsonNode list = result.get("rows");
        if (list != null) {
            list.forEach(row -> rows.put(row.get("key").asText(), row));
        }
        return rows;
    }

    private static Map<String, List<AgencyYear>> byKey(List<AgencyYear> reports, Function<AgencyYear, String> key) {
        Map<String, List<AgencyYear>> groups = new HashMap<>();
        reports.forEach(r ->
                groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return groups;
    }

    private static Set<String> codes(JsonNode list) {
        Set<String> codes = new TreeSet<>();
        list.forEach(item -> codes.add(item.get("code").asText()));
        return codes;
    }
}
