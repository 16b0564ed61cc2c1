package cn.ogi.e2e;

import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/** Reports as municipal systems push them, and waiting for their delivery. */
public final class Reports {

    private Reports() {}

    /** A balanced edition-2021 report with {@code received} new applications, all but two granted. */
    public static ReportBuilder balanced(String agencyCode, int year, int received) {
        return ReportBuilder.blank("2021", year)
                .agencyCode(agencyCode)
                .applications("newReceived", "naturalPerson", received)
                .applications("granted", "naturalPerson", received - 2)
                .applications("carriedForward", "naturalPerson", 2)
                .withComputedTotals();
    }

    public static ObjectNode json(AnnualReport report) {
        return ReportJson.standard().write(report);
    }

    /** Table 2 does not balance: one application more received than processed and carried forward. */
    static ObjectNode unbalanced(String agencyCode, int year) {
        ObjectNode json = json(balanced(agencyCode, year, 10).build());
        ((ObjectNode) json.at("/applications/newReceived"))
                .put("naturalPerson", 11)
                .put("total", 11);
        return json;
    }

    /** Waits until intake has settled the submission (DELIVERED or REJECTED) and returns its status. */
    static String awaitSettled(Platform platform, String token, String location) {
        String[] status = new String[1];
        Platform.await("submission " + location + " to be settled", Duration.ofSeconds(60), () -> {
            status[0] = Platform.as(Platform.INTAKE, token)
                    .get(location)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("status");
            return !"RECEIVED".equals(status[0]);
        });
        return status[0];
    }

    /** Waits until intake's outbox is empty: everything accepted has been delivered or refused. */
    public static void awaitOutboxEmpty(Platform platform, Duration timeout) {
        Platform.await("intake's outbox to drain", timeout, () -> outboxBacklog() == 0);
    }

    /** Submissions intake accepted and has not delivered yet (its readiness check {@code outbox}); -1 if absent. */
    public static int outboxBacklog() {
        Integer backlog = io.restassured.RestAssured.given()
                .baseUri("http://localhost")
                .port(Platform.INTAKE)
                .get("/q/health/ready")
                .then()
                .extract()
                .path("checks.find { it.name == 'outbox' }.data.backlog");
        return backlog == null ? -1 : backlog;
    }
}
