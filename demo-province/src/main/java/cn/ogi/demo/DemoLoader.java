package cn.ogi.demo;

import cn.ogi.progress.Progress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads a demo province into a running platform through its public APIs, over loopback HTTP:
 * <ol>
 *   <li>{@code POST {reporting}/api/v1/registry/import} — the registry CSV (all or nothing);</li>
 *   <li>{@code POST {intake}/api/v1/submissions/batch?importedHistory=true} — the reports as NDJSON (marked as
 *       history an admin imported: the token must be an admin's), year by year in submission
 *       order, in chunks of {@code --chunk} lines, each under {@code Idempotency-Key:
 *       demo-<seed>-<settings fingerprint>-<year>-<chunk>} so that loading again repeats nothing; every
 *       result line must be {@code accepted} or {@code repeated};</li>
 *   <li>after each year, waits until intake's outbox is empty ({@code /q/health/ready}, check {@code outbox},
 *       {@code data.backlog}), so that reporting-service evaluates next year's cross-year rules against
 *       this year's reports.</li>
 * </ol>
 * The command line that runs it is {@link DemoCommand}.
 */
public final class DemoLoader {

    static final String SUBJECT = "demo-loader";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI intake;
    private final URI reporting;
    private final String token;
    private final int chunk;
    private final Duration timeout;

    public DemoLoader(URI intake, URI reporting, String token, int chunk, Duration timeout) {
        this.intake = loopback(intake);
        this.reporting = loopback(reporting);
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.chunk = chunk;
        this.timeout = timeout;
    }

    /** Loads the registry and every report, then waits until intake has delivered everything. */
    public void load(Demo demo) throws IOException, InterruptedException {
        DemoSettings settings = demo.settings();
        long started = System.nanoTime();
        HttpResponse<String> imported = send(post(
                reporting.resolve("/api/v1/registry/import"),
                "text/csv",
                demo.registryCsv().getBytes(StandardCharsets.UTF_8)));
        expect(imported, "registry import");
        System.out.printf(Locale.ROOT, "demo: registry imported in %.1f s: %s%n", seconds(started), imported.body());
        awaitAgencyKnown(demo);

        int total = demo.submissions().size();
        int sent = 0;
        // done = delivered to reporting-service (sent less intake's outbox backlog): the figure the load waits for
        Progress progress = Progress.onConsole("demo: delivered", "reports", total);
        Map<String, Integer> statuses = new TreeMap<>();
        for (int year = settings.fromYear(); year <= settings.toYear(); year++) {
            List<Submission> ofYear = demo.submissions(year);
            for (int from = 0, n = 0; from < ofYear.size(); from += chunk, n++) {
                List<Submission> part = ofYear.subList(from, Math.min(ofYear.size(), from + chunk));
                String key = "demo-" + settings.seed() + "-" + settings.fingerprint() + "-" + year + "-" + n;
                submitBatch(part, key).forEach((status, count) -> statuses.merge(status, count, Integer::sum));
                sent += part.size();
                delivered(progress, sent, year, statuses);
            }
            awaitDelivered("after " + year, progress, sent, year, statuses);
        }
        progress.finish();
        System.out.printf(
                Locale.ROOT,
                "demo: %d reports loaded and delivered in %.1f s (%.0f reports/s)%n",
                total,
                seconds(started),
                total / seconds(started));
    }

    /** Sends one chunk as NDJSON; every result line must be accepted or repeated. Returns the status counts. */
    Map<String, Integer> submitBatch(List<Submission> part, String idempotencyKey)
            throws IOException, InterruptedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(part.size() * 4096);
        Demo.writeNdjson(part, body);
        HttpResponse<String> response =
                // The demo is history: reports published on their publishedOn, loaded long after. An admin's mark
                // (importedHistory) makes stats judge their lateness by that date, not by today.
                send(post(
                                intake.resolve("/api/v1/submissions/batch?importedHistory=true"),
                                "application/x-ndjson",
                                body.toByteArray())
                        .header("Idempotency-Key", idempotencyKey));
        expect(response, "batch " + idempotencyKey);
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int lines = 0;
        for (String line : response.body().split("\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode result = JSON.readTree(line);
            if (result.has("summary")) {
                continue; // the batch's last line counts the outcomes; the lines before it are the results
            }
            lines++;
            String status = result.path("status").asText("?");
            statuses.merge(status, 1, Integer::sum);
            if (!status.equals("accepted") && !status.equals("repeated") && problems.size() < 5) {
                problems.add(line.length() > 600 ? line.substring(0, 600) + "…" : line);
            }
        }
        if (lines != part.size()
                || statuses.getOrDefault("accepted", 0) + statuses.getOrDefault("repeated", 0) != part.size()) {
            throw new LoadFailure("batch " + idempotencyKey + ": " + part.size() + " lines sent, " + lines + " results "
                    + statuses + "; e.g. " + String.join("\n  ", problems));
        }
        return statuses;
    }

    /**
     * intake learns agencies from reporting-service's change feed; validate the registry's last agency's
     * first report until intake knows it (it catches up at once when asked about an unknown agency).
     */
    private void awaitAgencyKnown(Demo demo) throws IOException, InterruptedException {
        if (demo.submissions().isEmpty()) {
            return;
        }
        Agency last = demo.agencies().get(demo.agencies().size() - 1);
        Submission probe = demo.submissions().stream()
                .filter(s -> s.report().agencyCode().equals(last.code()))
                .findFirst()
                .orElse(demo.submissions().get(demo.submissions().size() - 1));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Demo.writeNdjson(List.of(probe), body);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> answer =
                    send(post(intake.resolve("/api/v1/validate"), "application/json", body.toByteArray()));
            if (answer.statusCode() / 100 == 2 && !answer.body().contains("AGENCY-UNKNOWN")) {
                return;
            }
            if (answer.statusCode() == 401 || answer.statusCode() == 403 || System.nanoTime() > deadline) {
                throw new LoadFailure("intake does not know the imported agency " + last.code() + ": "
                        + answer.statusCode() + " " + answer.body() + authHint(answer.statusCode()));
            }
            Thread.sleep(500);
        }
    }

    /** Polls intake's readiness until its outbox backlog is 0, updating the progress. */
    private void awaitDelivered(String when, Progress progress, int sent, int year, Map<String, Integer> statuses)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long backlog = delivered(progress, sent, year, statuses);
            if (backlog == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new LoadFailure("intake's outbox still holds " + backlog + " submissions " + when + " after "
                        + timeout.toSeconds() + " s (--timeout)");
            }
            Thread.sleep(500);
        }
    }

    /**
     * Updates the progress with what is delivered (sent less intake's outbox backlog, when intake reports it) and
     * returns the backlog (-1: not reported).
     */
    private long delivered(Progress progress, int sent, int year, Map<String, Integer> statuses)
            throws IOException, InterruptedException {
        long backlog = backlog();
        String detail = String.format(Locale.ROOT, "year %d, %,d sent %s", year, sent, statuses);
        if (backlog >= 0) {
            progress.update(
                    Math.max(0, sent - backlog), detail + String.format(Locale.ROOT, ", %,d to deliver", backlog));
        }
        return backlog;
    }

    /** intake's outbox backlog from {@code /q/health/ready}; -1 when it is not reported (yet). */
    private long backlog() throws IOException, InterruptedException {
        HttpResponse<String> ready =
                send(request(intake.resolve("/q/health/ready")).GET());
        for (JsonNode check : JSON.readTree(ready.body()).path("checks")) {
            if (check.path("name").asText().equals("outbox")) {
                JsonNode backlog = check.path("data").path("backlog");
                return backlog.canConvertToLong() ? backlog.asLong() : -1;
            }
        }
        throw new LoadFailure("intake's readiness has no 'outbox' check: " + ready.body());
    }

    /** Every request starts here: the caller's identity headers (a bearer token when one is given). */
    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).header("X-Ogi-Subject", SUBJECT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpRequest.Builder post(URI uri, String contentType, byte[] body) {
        return request(uri)
                .header("Content-Type", contentType + "; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void expect(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            String body = response.body();
            throw new LoadFailure(what + ": " + response.request().uri() + " answered " + response.statusCode() + ": "
                    + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body) + authHint(response.statusCode()));
        }
    }

    private String authHint(int status) {
        if (status == 401) {
            return token == null
                    ? " (no token given: pass --token or set OGI_TOKEN, e.g. "
                            + "$(deploy/local/token --role admin --subject demo-loader))"
                    : " (the token was refused)";
        }
        return status == 403 ? " (the token needs the admin role)" : "";
    }

    private static URI loopback(URI uri) {
        try {
            if (uri.getHost() == null || !InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("the demo loader talks to this machine only (loopback), not " + uri);
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in " + uri, e);
        }
        return uri;
    }

    static double seconds(long since) {
        return Math.max(1e-3, (System.nanoTime() - since) / 1e9);
    }

    /** A load that cannot go on; the message says why. */
    static final class LoadFailure extends IllegalStateException {
        LoadFailure(String message) {
            super(message);
        }
    }
}
