package cn.ogi.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.stats.model.ReadModelWriter;
import cn.ogi.web.testing.PrometheusText;
import cn.ogi.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /q/metrics: public, Prometheus text, stats' domain metrics present and moving as events are applied. */
@QuarkusTest
class MetricsTest {

    @Inject
    ReadModelWriter writer;

    static PrometheusText scrape() {
        return new PrometheusText(given().header(TestTokens.NO_TOKEN, "true")
                .accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/plain"))
                .extract()
                .asString());
    }

    @Test
    void answersWithoutATokenWithTheDomainMetricsNamed() {
        PrometheusText metrics = scrape();
        for (String name : List.of(
                "ogi_stats_feed_applied_seq",
                "ogi_stats_feed_latest_seq",
                "ogi_stats_feed_lag_events",
                "ogi_stats_feed_poll_age_seconds",
                "ogi_stats_events_applied_total",
                "ogi_stats_rebuild_seconds_count",
                "http_server_requests_seconds_bucket")) {
            assertTrue(metrics.has(name), name + " is on /q/metrics");
        }
    }

    @Test
    void appliedEventsCountAndTheAppliedSeqFollowsTheCursor() throws InterruptedException {
        PrometheusText before = scrape();

        int applied = new TestFeed(writer).newCity(2).counties().size() + 2;

        assertEquals(
                applied,
                scrape().sum("ogi_stats_events_applied_total") - before.sum("ogi_stats_events_applied_total"),
                "province, city and two counties");
        // the gauges read the cursor at most every few seconds
        double seq = Double.NaN;
        for (int i = 0; i < 40 && seq != writer.cursor(); i++) {
            Thread.sleep(250);
            seq = scrape().sum("ogi_stats_feed_applied_seq");
        }
        assertEquals((double) writer.cursor(), seq, 0.0);
        assertTrue(scrape().sum("ogi_stats_feed_lag_events") >= 0);
    }

    @Test
    void aRebuildIsTimed() {
        PrometheusText before = scrape();

        given().post("/api/v1/stats/rebuild").then().statusCode(200);

        assertEquals(
                1.0,
                scrape().sum("ogi_stats_rebuild_seconds_count", "outcome", "equal")
                        - before.sum("ogi_stats_rebuild_seconds_count", "outcome", "equal"));
    }
}
