package cn.ogi.demo;

import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.AnnualReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Loads a demo province into a running platform through its public APIs (loopback):
 * the registry through reporting-service's CSV import, the reports through intake's NDJSON batches
 * (each chunk under its own Idempotency-Key, so a second load repeats nothing), then waits until
 * intake has delivered everything.
 * <pre>java cn.ogi.demo.DemoLoader --token T [--intake URL] [--reporting URL] [--full|--small] [--seed N]</pre>
 */
public final class DemoLoader {

    private static final int CHUNK = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String intake;
    private final String reporting;
    private final String token;

    DemoLoader(String intake, String reporting, String token) {
        this.intake = intake;
        this.reporting = reporting;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        String intake = "http://localhost:8081";
        String reporting = "http://localhost:8082";
        String token = System.getenv("OGI_TOKEN");
        DemoSettings settings = DemoSettings.standard();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--intake" -> intake = args[++i];
                case "--reporting" -> reporting = args[++i];
                case "--token" -> token = args[++i];
                case "--full" -> settings = DemoSettings.full();
                case "--small" -> settings = DemoSettings.small();
                case "--seed" -> {
                    DemoSettings s = settings;
                    settings = new DemoSettings(Long.parseLong(args[++i]), s.cities(), s.countiesPerCity(),
                            s.departmentsPerGovernment(), s.provincialDepartments(), s.fromYear(), s.toYear(), s.missingRate());
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("an admin token is needed: --token T or OGI_TOKEN");
        }
        new DemoLoader(intake, reporting, token).load(settings);
    }

    void load(DemoSettings settings) throws IOException, InterruptedException {
        long start = System.nanoTime();
        DemoProvince.Demo demo = DemoProvince.generate(settings);
        System.out.printf("demo: %d jurisdictions, %d agencies, %d reports %d–%d (%d left missing), seed %d%n",
                demo.jurisdictions().size(), demo.agencies().size(), demo.reports().size(), settings.fromYear(),
                settings.toYear(), demo.missing().size(), settings.seed());
        send(reporting + "/api/v1/registry/import", "text/csv", demo.registryCsv().getBytes(StandardCharsets.UTF_8), null);
        Thread.sleep(2500); // intake follows the registry from the change feed
        ReportJson json = ReportJson.standard();
        List<AnnualReport> reports = demo.reports();
        for (int from = 0; from < reports.size(); from += CHUNK) {
            StringBuilder ndjson = new StringBuilder();
            for (AnnualReport report : reports.subList(from, Math.min(reports.size(), from + CHUNK))) {
                ndjson.append(json.canonicalString(report)).append('\n');
            }
            String answer = send(intake + "/api/v1/submissions/batch", "application/x-ndjson",
                    ndjson.toString().getBytes(StandardCharsets.UTF_8), "demo-" + settings.seed() + "-" + from);
            long refused = answer.lines().filter(l -> !l.contains("\"accepted\"") && !l.contains("\"repeated\"")).count();
            if (refused > 0) {
                throw new IllegalStateException(refused + " demo reports were refused, e.g. "
                        + answer.lines().filter(l -> !l.contains("\"accepted\"")).findFirst().orElse(""));
            }
            System.out.printf("demo: %d of %d reports accepted%n", Math.min(reports.size(), from + CHUNK), reports.size());
        }
        awaitDelivered(Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("demo: loaded and delivered in %.0f s (%.0f reports/s)%n", seconds, reports.size() / seconds);
    }

    private String send(String url, String type, byte[] body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void awaitDelivered(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(intake + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode check : JSON.readTree(ready.body()).path("checks")) {
                if (check.path("name").asText().equals("outbox")) {
                    long backlog = check.path("data").path("backlog").asLong(-1);
                    if (backlog == 0) {
                        return;
                    }
                    System.out.printf("demo: %d reports still to deliver%n", backlog);
                }
            }
            Thread.sleep(3000);
        }
        throw new IllegalStateException("the demo was not delivered within " + timeout.toMinutes() + " minutes");
    }
}
