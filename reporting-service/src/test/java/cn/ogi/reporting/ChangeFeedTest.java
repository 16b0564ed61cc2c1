package cn.ogi.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.model.ReportBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangeFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void replayingTheFeedFromZeroReproducesTheRegistryAndTheLatestReports() throws Exception {
        TestRegistry.ensureLiaocheng();
        String first = TestRegistry.newAgency("371502");
        String second = TestRegistry.newAgency("371500");
        ReportBuilder report = TestReports.balanced2021(first, 2022);
        TestReports.deliver(report.build()).statusCode(201);
        TestReports.deliver(ReportBuilder.from(report.build())
                        .correctionReason("fix")
                        .cell("activeDisclosure.licensing.decisions", 7)
                        .build())
                .statusCode(201);
        TestReports.deliver(TestReports.balanced2021(second, 2022).build()).statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "ok"))
                .post("/api/v1/reports/" + second + "/2022/approval")
                .then()
                .statusCode(200);

        List<ChangeFeedReplay.Event> events = ChangeFeedReplay.readAll();

        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).seq() > events.get(i - 1).seq(), "seq strictly increases");
        }
        Map<String, JsonNode> jurisdictions = new HashMap<>();
        Map<String, JsonNode> agencies = new HashMap<>();
        Map<String, JsonNode> latestVersions = new HashMap<>();
        Map<String, String> statuses = new HashMap<>();
        for (ChangeFeedReplay.Event e : events) {
            switch (e.type()) {
                case "jurisdiction.upserted" -> jurisdictions.put(e.key(), e.payload());
                case "agency.upserted" -> agencies.put(e.key(), e.payload());
                case "report.version.created" -> latestVersions.put(e.key(), e.payload());
                case "report.approved" -> statuses.put(e.key(), "approved");
                case "report.reopened" -> statuses.put(e.key(), "open");
                default -> throw new AssertionError("unknown event type " + e.type());
            }
        }
        for (var j : jurisdictions.entrySet()) {
            assertEquals(
                    j.getValue(),
                    JSON.readTree(
                            given().get("/api/v1/jurisdictions/" + j.getKey()).asString()));
        }
        for (var a : agencies.entrySet()) {
            assertEquals(
                    a.getValue(),
                    JSON.readTree(given().get("/api/v1/agencies/" + a.getKey()).asString()));
        }
        for (var r : latestVersions.entrySet()) {
            JsonNode current =
                    JSON.readTree(given().get("/api/v1/reports/" + r.getKey()).asString());
            assertEquals(r.getValue().get("version"), current.get("version"), r.getKey());
            assertEquals(r.getValue().get("report"), current.get("report"), r.getKey());
            assertEquals(
                    statuses.getOrDefault(r.getKey(), "open"),
                    current.get("status").asText(),
                    r.getKey());
        }
        assertEquals(
                7,
                latestVersions
                        .get(first + "/2022")
                        .get("report")
                        .at("/activeDisclosure/licensing/decisions")
                        .asInt());
        assertEquals("approved", statuses.get(second + "/2022"));
    }

    @Test
    void filteredPagesResumeAfterTheEventsTheySkipped() {
        TestRegistry.ensureLiaocheng();
        String agency = TestRegistry.newAgency("371502");
        TestReports.deliver(TestReports.balanced2021(agency, 2020 + 3).build()).statusCode(201);

        var page = given().queryParam("after", 0)
                .queryParam("limit", 1000)
                .queryParam("types", "agency.upserted")
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        org.junit.jupiter.api.Assertions.assertTrue(
                page.getList("events.type", String.class).stream().allMatch("agency.upserted"::equals));
        assertEquals(page.getLong("latestSeq"), page.getLong("lastSeq"), "a partial page resumes after the newest seq");
        given().queryParam("types", "report.deleted")
                .get("/api/v1/changes")
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("types"));
    }

    @Test
    void refusesALimitAboveTheMaximumNamingTheParameter() {
        given().queryParam("limit", 5000)
                .get("/api/v1/changes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("limit"));
    }
}
