package cn.ogi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.web.auth.Roles;
import cn.ogi.web.testing.PrometheusText;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two intake-service processes on one database, as two instances behind a load balancer: both relays deliver from
 * the same outbox at once, and every submission is delivered exactly once — not twice and replayed, once.
 */
class TwoRelaysEndToEndTest {

    static final int AGENCIES = 150;
    static final int YEARS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    final Platform platform = Platform.get();

    @Test
    void twoIntakeInstancesOnOneDatabaseDeliverEverySubmissionOnce() throws Exception {
        List<String> agencies = Registry.newAgencies(platform, "371502", AGENCIES);
        String submitter = platform.token(Roles.SUBMITTER, "371500", "two-relays-system");
        String last = agencies.get(AGENCIES - 1);
        Platform.await(
                "intake to know " + last,
                Duration.ofMinutes(1),
                () -> Boolean.TRUE.equals(Platform.as(Platform.INTAKE, submitter)
                        .contentType(ContentType.JSON)
                        .body(Reports.json(Reports.balanced(last, 2021, 5).build()))
                        .post("/api/v1/validate")
                        .then()
                        .extract()
                        .path("valid")));
        StringBuilder ndjson = new StringBuilder();
        for (String agency : agencies) {
            for (int year = 2021; year < 2021 + YEARS; year++) {
                ndjson.append(JSON.writeValueAsString(
                                Reports.json(Reports.balanced(agency, year, 4).build())))
                        .append('\n');
            }
        }
        // smaller batches and more workers in the second instance: both relays take their share of the backlog
        ServiceProcess second =
                platform.secondIntake(Map.of("INTAKE_RELAY_BATCH_SIZE", "25", "INTAKE_RELAY_WORKERS", "4"));
        second.start(false);
        try {
            // the backlog builds up while reporting-service is away; then both relays find it at once
            platform.reporting.stop();
            PrometheusText firstBefore = MetricsEndToEndTest.scrape(Platform.INTAKE);
            PrometheusText secondBefore = MetricsEndToEndTest.scrape(Platform.SECOND_INTAKE);
            try {
                Platform.as(Platform.INTAKE, submitter)
                        .contentType("application/x-ndjson")
                        .body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/submissions/batch")
                        .then()
                        .statusCode(200)
                        .body(org.hamcrest.Matchers.containsString("\"accepted\":" + AGENCIES * YEARS));
            } finally {
                platform.reporting.start(false);
            }
            Reports.awaitOutboxEmpty(platform, Duration.ofMinutes(3));
            PrometheusText firstAfter = MetricsEndToEndTest.scrape(Platform.INTAKE);
            PrometheusText secondAfter = MetricsEndToEndTest.scrape(Platform.SECOND_INTAKE);

            double byFirst = settled(firstBefore, firstAfter);
            double bySecond = settled(secondBefore, secondAfter);
            assertTrue(byFirst > 0 && bySecond > 0, "both relays delivered: " + byFirst + " and " + bySecond);
            assertEquals(
                    AGENCIES * YEARS,
                    byFirst + bySecond,
                    0.0,
                    "each submission settled by exactly one relay (" + byFirst + " + " + bySecond + ")");
        } finally {
            second.stop();
        }
        List<String> wrong = new ArrayList<>();
        for (String agency : agencies) {
            List<Map<String, Object>> reports = platform.reportingAsAdmin()
                    .queryParam("agencyCode", agency)
                    .queryParam("size", 10)
                    .get("/api/v1/reports")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items");
            if (reports.size() != YEARS
                    || reports.stream().anyMatch(r -> ((Number) r.get("version")).intValue() != 1)) {
                wrong.add(agency + ": " + reports);
            }
        }
        assertEquals(List.of(), wrong, "every report exactly once, at version 1");
        // the deliveries' audit entries: one per submission (a replay writes none)
        int audited = platform.reportingAsAdmin()
                .queryParam("action", "report.version.created")
                .queryParam("subject", "two-relays-system")
                .queryParam("size", 1)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
        assertEquals(AGENCIES * YEARS, audited);
    }

    /** Submissions a relay settled as delivered between two scrapes of its metrics. */
    private static double settled(PrometheusText before, PrometheusText after) {
        String delivered = "ogi_intake_delivery_latency_seconds_count";
        return after.sum(delivered, "outcome", "delivered") - before.sum(delivered, "outcome", "delivered");
    }
}
