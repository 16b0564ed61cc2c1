package cn.ogi.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.web.testing.PrometheusText;
import cn.ogi.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /q/metrics: public, Prometheus text, reporting's domain metrics present and moving with a delivery. */
@QuarkusTest
class MetricsTest {

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
                "ogi_reporting_versions_total",
                "ogi_reporting_feed_latest_seq",
                "http_server_requests_seconds_bucket")) {
            assertTrue(metrics.has(name), name + " is on /q/metrics");
        }
    }

    @Test
    void aStoredVersionCountsAndTheFeedMovesOn() throws InterruptedException {
        TestRegistry.ensureLiaocheng();
        String agency = TestRegistry.newAgency("371502");
        PrometheusText before = scrape();

        TestReports.deliver(TestReports.balanced2021(agency, 2023).build()).statusCode(201);

        PrometheusText after = scrape();
        assertEquals(
                1.0,
                after.sum("ogi_reporting_versions_total", "outcome", "created")
                        - before.sum("ogi_reporting_versions_total", "outcome", "created"));
        // the gauge reads the feed at most every few seconds
        double latest = before.sum("ogi_reporting_feed_latest_seq");
        for (int i = 0; i < 40 && latest <= before.sum("ogi_reporting_feed_latest_seq"); i++) {
            Thread.sleep(250);
            latest = scrape().sum("ogi_reporting_feed_latest_seq");
        }
        assertTrue(latest > before.sum("ogi_reporting_feed_latest_seq"), "the feed's newest seq moved to " + latest);
    }
}
