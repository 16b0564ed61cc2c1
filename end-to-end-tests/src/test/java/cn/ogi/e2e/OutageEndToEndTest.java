package cn.ogi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.web.auth.Roles;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing accepted is lost: submissions made while reporting-service is down are delivered once it is back. */
class OutageEndToEndTest {

    static final int SUBMISSIONS = 200;

    final Platform platform = Platform.get();

    @Test
    void everySubmissionAcceptedWhileReportingIsDownIsDeliveredExactlyOnce() {
        List<String> agencies = Registry.newAgencies(platform, "371502", SUBMISSIONS);
        String submitter = platform.token(Roles.SUBMITTER, "371500", "outage-system");
        // intake learns the new agencies from the change feed before reporting-service goes away.
        Platform.as(Platform.INTAKE, submitter)
                .contentType(ContentType.JSON)
                .body(Reports.json(
                        Reports.balanced(agencies.get(SUBMISSIONS - 1), 2021, 5).build()))
                .post("/api/v1/validate")
                .then()
                .statusCode(200);

        platform.reporting.stop();
        List<String> locations = new ArrayList<>();
        try {
            for (String agency : agencies) {
                locations.add(Platform.as(Platform.INTAKE, submitter)
                        .contentType(ContentType.JSON)
                        .body(Reports.json(Reports.balanced(agency, 2023, 20).build()))
                        .post("/api/v1/submissions")
                        .then()
                        .statusCode(202)
                        .extract()
                        .header("Location"));
            }
            ServiceProcess.sleep(1000);
            assertEquals(
                    "RECEIVED",
                    Platform.as(Platform.INTAKE, submitter)
                            .get(locations.get(0))
                            .then()
                            .extract()
                            .path("status"),
                    "nothing can be delivered while reporting-service is down");
        } finally {
            platform.reporting.start(false);
        }

        Reports.awaitOutboxEmpty(platform, Duration.ofMinutes(2));
        for (String location : locations) {
            assertEquals(
                    "DELIVERED",
                    Platform.as(Platform.INTAKE, submitter)
                            .get(location)
                            .then()
                            .extract()
                            .path("status"));
        }
        int versions = 0;
        for (String agency : agencies) {
            List<Integer> numbers = platform.reportingAsAdmin()
                    .get("/api/v1/reports/" + agency + "/2023/versions")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("version", Integer.class);
            assertEquals(List.of(1), numbers, agency + " has exactly one version");
            versions += numbers.size();
        }
        assertEquals(SUBMISSIONS, versions);
    }
}
