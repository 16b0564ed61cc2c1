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

    /**
     * Submissions intake accepted and has not delivered yet (its readiness check {@code outbox}); -1 if absent. Read
     * with Jackson over {@link java.net.http.HttpClient}: the benchmarks poll this every 200 ms while they measure the
     * CPU of every process, theirs included, and a GPath query (a Groovy closure) cost ≈ 40 ms of CPU a poll.
     */
    public static int outboxBacklog() {
        try {
            java.net.http.HttpResponse<byte[]> ready = READINESS.send(
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://localhost:" + Platform.INTAKE + "/q/health/ready"))
                            .GET()
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            for (com.fasterxml.jackson.databind.JsonNode check :
                    JSON.readTree(ready.body()).path("checks")) {
                if (check.path("name").asText().equals("outbox")) {
                    com.fasterxml.jackson.databind.JsonNode backlog =
                            check.path("data").path("backlog");
                    return backlog.canConvertToInt() ? backlog.asInt() : -1;
                }
            }
            return -1;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final java.net.http.HttpClient READINESS = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
}
