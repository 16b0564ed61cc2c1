package cn.ogi.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.intake.outbox.OutboxDelivery;
import cn.ogi.reader.SyntheticReport;
import cn.ogi.web.testing.PrometheusText;
import cn.ogi.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /q/metrics: public, Prometheus text, intake's domain metrics present and moving with what happens. */
@QuarkusTest
class MetricsTest {

    @Inject
    TestAgencies agencies;

    @Inject
    OutboxDelivery delivery;

    static PrometheusText scrape() {
        String text = given().header(TestTokens.NO_TOKEN, "true")
                .accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/plain"))
                .extract()
                .asString();
        return new PrometheusText(text);
    }

    @Test
    void answersWithoutATokenWithTheDomainMetricsNamed() {
        PrometheusText metrics = scrape();
        for (String name : List.of(
                "ogi_intake_submissions_total",
                "ogi_intake_outbox_backlog",
                "ogi_intake_outbox_oldest_age_seconds",
                "ogi_intake_deliveries_seconds_count",
                "ogi_intake_deliveries_seconds_bucket",
                "ogi_intake_parses_total",
                "http_server_requests_seconds_bucket")) {
            assertTrue(metrics.has(name), name + " is on /q/metrics");
        }
    }

    @Test
    void submissionsCountByOutcome() {
        String agency = agencies.register("371502");
        PrometheusText before = scrape();

        given().contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(agency, 2023)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202);
        given().contentType(ContentType.JSON)
                .body(TestReports.unbalanced(agency, 2022))
                .post("/api/v1/submissions")
                .then()
                .statusCode(422);

        PrometheusText after = scrape();
        assertEquals(1, moved(before, after, "ogi_intake_submissions_total", "channel", "json", "outcome", "accepted"));
        assertEquals(1, moved(before, after, "ogi_intake_submissions_total", "channel", "json", "outcome", "rejected"));
        assertEquals(
                1,
                moved(
                        before,
                        after,
                        "http_server_requests_seconds_count",
                        "uri",
                        "/api/v1/submissions",
                        "status",
                        "202"),
                "HTTP server metrics per route");
    }

    @Test
    void batchLinesCountFromTheSummary() {
        String agency = agencies.register("371502");
        PrometheusText before = scrape();

        given().contentType("application/x-ndjson")
                .body((TestReports.json(TestReports.balanced(agency, 2023)) + "\nnot json\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/submissions/batch")
                .then()
                .statusCode(200);

        PrometheusText after = scrape();
        assertEquals(
                1, moved(before, after, "ogi_intake_submissions_total", "channel", "batch", "outcome", "accepted"));
        assertEquals(1, moved(before, after, "ogi_intake_submissions_total", "channel", "batch", "outcome", "invalid"));
    }

    @Test
    void parsesCountByOutcomeAndForm() {
        PrometheusText before = scrape();

        given().contentType("text/plain; charset=utf-8")
                .body(SyntheticReport.edition2021().text())
                .post("/api/v1/parse")
                .then()
                .statusCode(200);
        given().contentType("text/plain; charset=utf-8")
                .body("2023年 今天天气很好。")
                .queryParam("year", 2023)
                .post("/api/v1/parse")
                .then()
                .statusCode(422);

        PrometheusText after = scrape();
        assertEquals(
                1,
                moved(before, after, "ogi_intake_parses_total", "use", "parse", "outcome", "parsed", "form", "text"));
        assertEquals(1, moved(before, after, "ogi_intake_parses_total", "use", "parse", "outcome", "unreadable"));
    }

    @Test
    void theOutboxGaugesReadTheTableAndDeliveryAttemptsAreTimed() throws InterruptedException {
        String agency = agencies.register("371502");
        given().contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(agency, 2023)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202);
        long waiting = agencies.count("SELECT count(*) FROM outbox");
        PrometheusText before = scrape();

        // reporting-service is unreachable in these tests (localhost:1): the attempt fails and is retried later
        assertTrue(delivery.deliverNext());

        // the gauges read the outbox at most every few seconds
        double backlog = Double.NaN;
        for (int i = 0; i < 40 && backlog != waiting; i++) {
            backlog = scrape().sum("ogi_intake_outbox_backlog");
            Thread.sleep(250);
        }
        assertEquals((double) waiting, backlog, 0.0);
        PrometheusText after = scrape();
        assertTrue(after.sum("ogi_intake_outbox_oldest_age_seconds") >= 0);
        assertEquals(1, moved(before, after, "ogi_intake_deliveries_seconds_count", "outcome", "failed"));
    }

    private static double moved(PrometheusText before, PrometheusText after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
