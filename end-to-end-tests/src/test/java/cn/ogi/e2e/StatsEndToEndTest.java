package cn.ogi.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.model.ReportBuilder;
import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Reports pushed through intake reach stats-service through the real change feed, exactly. */
class StatsEndToEndTest {

    final Platform platform = Platform.get();
    final String admin = platform.token(Roles.ADMIN, null, "e2e-admin");

    @Test
    void statsTotalsEqualTheSubmittedReportsAndACorrectionMovesThemByItsDifference() {
        String county = newCounty("371521", "阳谷县");
        List<String> agencies = Registry.newAgencies(platform, county, 6);
        String submitter = platform.token(Roles.SUBMITTER, county, "yanggu-system");
        int expected = 0;
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < agencies.size(); i++) {
            int received = 3 + 5 * i;
            expected += received;
            locations.add(submit(submitter, Reports.balanced(agencies.get(i), 2023, received)));
        }
        locations.forEach(l -> assertEquals("DELIVERED", Reports.awaitSettled(platform, submitter, l)));
        int total = expected;
        awaitStats(county, 2023, total);
        int provinceBefore = newReceived("370000", 2023);

        String correction = submit(
                submitter,
                ReportBuilder.from(Reports.balanced(agencies.get(0), 2023, 3).build())
                        .correctionReason("seven applications were missed")
                        .applications("newReceived", "naturalPerson", 10)
                        .applications("granted", "naturalPerson", 8)
                        .withComputedTotals());
        assertEquals("DELIVERED", Reports.awaitSettled(platform, submitter, correction));

        awaitStats(county, 2023, total + 7);
        assertEquals(provinceBefore + 7, newReceived("370000", 2023), "the province moves by the difference too");
        statsAs(admin)
                .queryParam("jurisdiction", "371500")
                .queryParam("year", 2023)
                .queryParam("groupBy", "child")
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .body("rows.find { it.key == '" + county + "' }.newReceived", is(total + 7));
    }

    @Test
    void aPublishedTextIsStoredAsPrintedAndItsNumbersReachStats() {
        String county = newCounty("371522", "莘县");
        String agency = Registry.newAgency(platform, county);
        String submitter = platform.token(Roles.SUBMITTER, county, "shenxian-system");
        String text = PublishedText.of("莘县测试局", 2022, 9, 7);

        String location = Platform.as(Platform.INTAKE, submitter)
                .contentType("text/plain; charset=utf-8")
                .body(text)
                .queryParam("agencyCode", agency)
                .queryParam("year", 2022)
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");

        assertEquals("DELIVERED", Reports.awaitSettled(platform, submitter, location));
        platform.reportingAsAdmin()
                .get("/api/v1/reports/" + agency + "/2022/versions/1")
                .then()
                .statusCode(200)
                .body("source", equalTo("text"))
                .body("originalText", equalTo(text))
                .body("report.applications.newReceived.total", is(9))
                .body("report.activeDisclosure.licensing.decisions", is(120));
        awaitStats(county, 2022, 9);
    }

    @Test
    void aPublishedFixtureIsDeliveredWithItsNumbersVisibleInStats() throws Exception {
        Path shared = Path.of(System.getProperty("ogi.shared.dir", "../shared"), "fixtures", "reports");
        Path fixture = shared.resolve("liaocheng-amr-2023.txt");
        Assumptions.assumeTrue(Files.exists(fixture), "shared fixtures not found at " + shared + ": skipped");
        JsonNode expected = new ObjectMapper()
                .readTree(shared.resolve("liaocheng-amr-2023.expected.json").toFile());
        String county = newCounty("371523", "茌平区");
        String agency = Registry.newAgency(platform, county);
        String submitter = platform.token(Roles.SUBMITTER, county, "chiping-system");

        String location = Platform.as(Platform.INTAKE, submitter)
                .contentType("text/plain; charset=utf-8")
                .body(Files.readString(fixture))
                .queryParam("agencyCode", agency)
                .queryParam("year", 2023)
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");

        assertEquals("DELIVERED", Reports.awaitSettled(platform, submitter, location));
        awaitStats(county, 2023, expected.at("/applications/newReceived/total").asInt());
    }

    @Test
    void aPublishedPdfIsReadFromItsPositionsStoredWithItsTextLayerAndReachesStats() throws Exception {
        Path shared = Path.of(System.getProperty("ogi.shared.dir", "../shared"), "fixtures", "reports");
        Path pdf = shared.resolve("pdf/08_huaian_city_2024.pdf");
        Assumptions.assumeTrue(Files.exists(pdf), "shared fixtures not found at " + shared + ": skipped");
        JsonNode expected = new ObjectMapper()
                .readTree(shared.resolve("pdf-text/08_huaian_city_2024.canonical.json")
                        .toFile());
        int year = expected.get("year").asInt();
        int newReceived = expected.at("/applications/newReceived/total").asInt();
        String county = newCounty("371525", "高唐县");
        String agency = Registry.newAgency(platform, county);
        String submitter = platform.token(Roles.SUBMITTER, county, "gaotang-system");
        byte[] bytes = Files.readAllBytes(pdf);

        Platform.as(Platform.INTAKE, submitter)
                .contentType("application/pdf")
                .body(bytes)
                .queryParam("year", year)
                .post("/api/v1/parse")
                .then()
                .statusCode(200)
                .body("source.form", equalTo("pdf"))
                .body("source.bytes", is(bytes.length))
                .body("report.applications.newReceived.total", is(newReceived));
        String location = Platform.as(Platform.INTAKE, submitter)
                .contentType("application/pdf")
                .body(bytes)
                .queryParam("agencyCode", agency)
                .queryParam("year", year)
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");

        assertEquals("DELIVERED", Reports.awaitSettled(platform, submitter, location));
        platform.reportingAsAdmin()
                .get("/api/v1/reports/" + agency + "/" + year + "/versions/1")
                .then()
                .statusCode(200)
                .body("source", equalTo("text"))
                .body("originalText", containsString("本年新收政府信息公开申请数量"))
                .body("original.mediaType", equalTo("application/pdf"))
                .body("original.bytes", is(bytes.length))
                .body("report.applications.newReceived.total", is(newReceived));
        byte[] kept = platform.reportingAsAdmin()
                .get("/api/v1/reports/" + agency + "/" + year + "/versions/1/original")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, kept, "the PDF as published, byte for byte");
        awaitStats(county, year, newReceived);
    }

    @Test
    void killingStatsMidwayAndRestartingItLeavesRollupsEqualToARebuild() {
        String county = newCounty("371524", "东阿县");
        List<String> agencies = Registry.newAgencies(platform, county, 300);
        StringBuilder ndjson = new StringBuilder();
        ObjectMapper json = new ObjectMapper();
        int total = 0;
        try {
            for (int i = 0; i < agencies.size(); i++) {
                total += 4 + i % 9;
                ndjson.append(json.writeValueAsString(Reports.json(Reports.balanced(agencies.get(i), 2024, 4 + i % 9)
                                .build())))
                        .append('\n');
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Platform.as(Platform.INTAKE, platform.token(Roles.SUBMITTER, county, "donge-system"))
                .contentType("application/x-ndjson")
                .body(ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/submissions/batch")
                .then()
                .statusCode(200);

        // Kill stats while the deliveries are still flowing into the feed, then bring it back.
        ServiceProcess.sleep(1500);
        platform.stats.kill();
        ServiceProcess.sleep(1000);
        platform.stats.start(false);
        Reports.awaitOutboxEmpty(platform, Duration.ofMinutes(2));
        awaitStats(county, 2024, total);

        statsAs(admin)
                .post("/api/v1/stats/rebuild")
                .then()
                .statusCode(200)
                .body("equal", is(true))
                .body("swapped", is(false));
    }

    private String newCounty(String code, String name) {
        Registry.ensureTree(platform);
        platform.reportingAsAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "parent", "371500"))
                .put("/api/v1/jurisdictions/" + code)
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(is(200), is(201)));
        return code;
    }

    private String submit(String token, ReportBuilder report) {
        return Platform.as(Platform.INTAKE, token)
                .contentType(ContentType.JSON)
                .body(Reports.json(report.build()))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
    }

    private void awaitStats(String node, int year, int newReceived) {
        int[] last = {-1};
        try {
            Platform.await(
                    "stats of " + node + " for " + year + " to show newReceived " + newReceived,
                    Duration.ofSeconds(60),
                    () -> (last[0] = newReceived(node, year)) == newReceived);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (last seen " + last[0] + ")", e);
        }
        assertTrue(true);
    }

    private int newReceived(String node, int year) {
        var response = statsAs(admin)
                .queryParam("jurisdiction", node)
                .queryParam("year", year)
                .get("/api/v1/stats/applications");
        return response.statusCode() == 200 ? response.jsonPath().getInt("total.newReceived") : -1;
    }

    private io.restassured.specification.RequestSpecification statsAs(String token) {
        return Platform.as(Platform.STATS, token);
    }
}
