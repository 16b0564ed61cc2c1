package cn.ogi.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import cn.ogi.stats.model.ReadModelWriter;
import cn.ogi.web.sql.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A rebuild from the first event reproduces the live read model cell by cell, and repairs it when asked. */
@QuarkusTest
class RebuildTest {

    @Inject
    ReadModelWriter writer;

    @Inject
    Sql db;

    @Test
    void aRebuildFromScratchEqualsTheIncrementallyMaintainedModel() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree tree = givenHistoryWithCorrectionsAndMoves(feed);

        JsonNode result = rebuild(false);

        assertEquals(true, result.get("equal").asBoolean(), result.toString());
        assertEquals(writer.cursor(), result.get("replayedToSeq").asLong());
        result.get("differences").forEach(n -> assertEquals(0, n.asLong()));
        assertEquals(false, result.get("swapped").asBoolean());
        AggregatesTest.query("applications", tree.city(), 2023, "child"); // the live model still answers
    }

    @Test
    void aRebuildReportsADamagedRollupCellAndRepairsItOnlyWhenAskedToSwap() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree tree = givenHistoryWithCorrectionsAndMoves(feed);
        JsonNode good = AggregatesTest.query("applications", tree.city(), 2023, null);
        String goodTag = tag(tree.city());
        db.update(
                "UPDATE rollup SET value = value + 7 WHERE node = ? AND year = 2023 AND cell = 'applications.newReceived.total'",
                tree.city());

        JsonNode reported = rebuild(false);
        assertEquals(false, reported.get("equal").asBoolean());
        assertEquals(1, reported.get("differences").get("rollup").asLong());
        assertEquals(tree.city(), reported.get("sample").get(0).get("node").asText());
        assertEquals(
                7,
                reported.get("sample")
                        .get(0)
                        .get("live")
                        .decimalValue()
                        .subtract(reported.get("sample").get(0).get("rebuilt").decimalValue())
                        .intValue());
        assertNotEquals(
                good.get("total"),
                AggregatesTest.query("applications", tree.city(), 2023, null).get("total"),
                "without swap the live model is left as it is");

        JsonNode swapped = rebuild(true);
        assertEquals(true, swapped.get("swapped").asBoolean());
        assertEquals(
                good.get("total"),
                AggregatesTest.query("applications", tree.city(), 2023, null).get("total"));
        assertNotEquals(goodTag, tag(tree.city()), "a swap changes the ETags although the seq did not move");
        assertEquals(true, rebuild(false).get("equal").asBoolean());
    }

    @Test
    void theEndpointShowsHowFarTheRunningRebuildIsAndHowItEnded() throws Exception {
        TestFeed feed = new TestFeed(writer);
        givenHistoryWithCorrectionsAndMoves(feed);
        CompletableFuture<JsonNode> rebuilding = CompletableFuture.supplyAsync(() -> rebuild(false));
        List<JsonNode> whileRunning = new ArrayList<>();
        while (!rebuilding.isDone()) {
            JsonNode now = progress();
            if (now.get("state").asText().equals("running")) {
                whileRunning.add(now);
            }
            Thread.sleep(5);
        }
        JsonNode result = rebuilding.get();
        long lastDone = 0;
        for (JsonNode running : whileRunning) {
            assertEquals("log", running.get("source").asText());
            assertTrue(running.get("done").asLong() <= running.get("total").asLong(), running.toString());
            assertTrue(running.get("done").asLong() >= lastDone, "done never goes back: " + whileRunning);
            assertTrue(running.get("finishedAt").isNull());
            lastDone = running.get("done").asLong();
        }

        JsonNode ended = progress();
        assertEquals("finished", ended.get("state").asText(), ended.toString());
        assertEquals(false, ended.get("swap").asBoolean());
        assertEquals(result.get("replayedToSeq").asLong(), ended.get("done").asLong());
        assertEquals(result.get("replayedToSeq").asLong(), ended.get("total").asLong());
        assertTrue(ended.get("etaSeconds").isNull(), "nothing is left: " + ended);
        assertTrue(ended.get("ratePerSecond").asDouble() > 0, ended.toString());
        assertTrue(ended.get("elapsedSeconds").asDouble() >= 0);
        assertTrue(
                Instant.parse(ended.get("finishedAt").asText())
                                .isAfter(Instant.parse(ended.get("startedAt").asText()))
                        || ended.get("finishedAt").equals(ended.get("startedAt")),
                ended.toString());
    }

    @Test
    void refusesAnUnknownSource() {
        given().queryParam("source", "backup")
                .post("/api/v1/stats/rebuild")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("source"));
    }

    private TestFeed.Tree givenHistoryWithCorrectionsAndMoves(TestFeed feed) {
        TestFeed.Tree tree = feed.newCity(2);
        String a = feed.newAgency(tree.counties().get(0), "department");
        String b = feed.newAgency(tree.counties().get(1), "government");
        AnnualReport first = TestReports.varied(a, 2023, 2).build();
        feed.apply(
                feed.version(first, 1, "2024-01-01T00:00:00Z", "APP-BALANCE"),
                feed.version(TestReports.varied(b, 2020, 3).build(), 1, "2021-01-01T00:00:00Z"),
                feed.version(TestReports.varied(b, 2023, 4).build(), 1, "2024-01-01T00:00:00Z"));
        feed.apply(feed.version(
                ReportBuilder.from(first)
                        .applications("granted", "commercial", 9)
                        .withComputedTotals()
                        .build(),
                2,
                "2024-02-01T00:00:00Z"));
        feed.apply(
                feed.agency(b, "改隶单位", "government", tree.counties().get(0), null, null),
                feed.jurisdiction(tree.counties().get(1), "改名县", "county", tree.city()));
        return tree;
    }

    private static JsonNode rebuild(boolean swap) {
        return Json.read(given().queryParam("swap", swap)
                .post("/api/v1/stats/rebuild")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static JsonNode progress() {
        return Json.read(given().get("/api/v1/stats/rebuild")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static String tag(String node) {
        return given().queryParam("jurisdiction", node)
                .queryParam("year", 2023)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }
}
