package cn.ogi.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.web.auth.Roles;
import cn.ogi.web.testing.PrometheusText;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One submission seen on the three services' /q/metrics, public and in Prometheus text, as an operator sees it. */
class MetricsEndToEndTest {

    final Platform platform = Platform.get();
    final String submitter = platform.token(Roles.SUBMITTER, "371500", "liaocheng-system");

    static PrometheusText scrape(int port) {
        return new PrometheusText(given().baseUri("http://localhost")
                .port(port)
                .accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    @Test
    void aSubmissionMovesIntakesCounterReportingsFeedAndStatsAppliedSeq() {
        String agency = Registry.newAgency(platform, "371502");
        PrometheusText intakeBefore = scrape(Platform.INTAKE);
        PrometheusText reportingBefore = scrape(Platform.REPORTING);
        PrometheusText statsBefore = scrape(Platform.STATS);

        String location = Platform.as(Platform.INTAKE, submitter)
                .contentType(ContentType.JSON)
                .body(Reports.json(Reports.balanced(agency, 2023, 10).build()))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        assertEquals("DELIVERED", Reports.awaitSettled(platform, submitter, location));

        String accepted = "ogi_intake_submissions_total";
        assertEquals(
                1.0,
                scrape(Platform.INTAKE).sum(accepted, "channel", "json", "outcome", "accepted")
                        - intakeBefore.sum(accepted, "channel", "json", "outcome", "accepted"));
        assertEquals(
                1.0,
                scrape(Platform.INTAKE).sum("ogi_intake_deliveries_seconds_count", "outcome", "delivered")
                        - intakeBefore.sum("ogi_intake_deliveries_seconds_count", "outcome", "delivered"));
        assertEquals(
                1.0,
                scrape(Platform.REPORTING).sum("ogi_reporting_versions_total", "outcome", "created")
                        - reportingBefore.sum("ogi_reporting_versions_total", "outcome", "created"));
        // the version's event is on the feed; stats applies it and its applied seq reaches the feed's newest
        double appliedBefore = statsBefore.sum("ogi_stats_feed_applied_seq");
        Platform.await("stats' applied seq to move past " + appliedBefore, Duration.ofSeconds(60), () -> {
            PrometheusText stats = scrape(Platform.STATS);
            double applied = stats.sum("ogi_stats_feed_applied_seq");
            return applied > appliedBefore
                    && applied >= scrape(Platform.REPORTING).sum("ogi_reporting_feed_latest_seq") - 1e-9
                    && stats.sum("ogi_stats_events_applied_total") > statsBefore.sum("ogi_stats_events_applied_total");
        });
    }

    @Test
    void theDashboardQueriesOnlyMetricsTheServicesPublish() throws IOException {
        Path dashboard = Path.of(System.getProperty("ogi.root.dir", ".."), "deploy/grafana/ogi-dashboard.json");
        String json = Files.readString(dashboard, StandardCharsets.UTF_8);
        Set<String> used = new TreeSet<>();
        Matcher names = Pattern.compile("\\b(ogi_[a-z_]+|http_server_requests_seconds_[a-z]+)\\b")
                .matcher(json);
        while (names.find()) {
            used.add(names.group(1));
        }
        List<PrometheusText> published =
                List.of(scrape(Platform.INTAKE), scrape(Platform.REPORTING), scrape(Platform.STATS));
        Set<String> missing = new TreeSet<>();
        for (String name : used) {
            if (published.stream().noneMatch(p -> p.has(name))) {
                missing.add(name);
            }
        }
        assertEquals(Set.of(), missing, "queried by " + dashboard + " but published by no service");
        assertEquals(true, used.size() >= 10, "the dashboard queries the domain metrics: " + used);
    }
}
