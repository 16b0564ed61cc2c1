package cn.ogi.demo;

import cn.ogi.progress.Progress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <pre>
 * java -jar demo-province/target/demo-province.jar [--intake http://localhost:8081]
 *     [--reporting http://localhost:8082] [--token JWT] [--full|--standard|--small] [--seed N]
 *     [--cities N] [--counties-per-city N] [--departments-per-government N] [--provincial-departments N]
 *     [--from YEAR] [--to YEAR] [--chunk LINES] [--timeout SECONDS] [--write DIR] [--dry-run]
 * </pre>
 * Default: the full province (issue 5), seed 2024. {@code --write DIR} writes {@code registry.csv} and
 * {@code reports-<year>.ndjson} instead of loading; {@code --dry-run} only generates and prints the counts.
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

    public static void main(String[] args) throws Exception {
        DemoSettings.Parsed parsed;
        try {
            parsed = DemoSettings.parse(DemoSettings.full(), args);
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            System.exit(2);
            return;
        }
        String intake = "http://localhost:8081";
        String reporting = "http://localhost:8082";
        String token = System.getenv("OGI_TOKEN");
        int chunk = 2000;
        long timeoutSeconds = 3600;
        Path write = null;
        Path writeFeed = null;
        boolean dryRun = false;
        boolean country = false;
        List<String> rest = parsed.rest();
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            switch (arg) {
                case "--intake" -> intake = next(rest, ++i, arg);
                case "--reporting" -> reporting = next(rest, ++i, arg);
                case "--token" -> token = next(rest, ++i, arg);
                case "--chunk" -> chunk = Integer.parseInt(next(rest, ++i, arg));
                case "--timeout" -> timeoutSeconds = Long.parseLong(next(rest, ++i, arg));
                case "--write" -> write = Path.of(next(rest, ++i, arg));
                case "--write-feed" -> writeFeed = Path.of(next(rest, ++i, arg));
                case "--country" -> country = true;
                case "--dry-run" -> dryRun = true;
                case "-h", "--help" -> {
                    System.out.println(usage());
                    return;
                }
                default -> {
                    System.err.println("demo: unknown option " + arg + "\n" + usage());
                    System.exit(2);
                    return;
                }
            }
        }
        DemoSettings settings = parsed.settings();
        long started = System.nanoTime();
        if (country) {
            country(args, writeFeed, dryRun);
            return;
        }
        Demo demo = DemoProvince.generate(settings);
        System.out.printf(Locale.ROOT, "demo: generated in %.1f s: %s%n", seconds(started), summary(demo));
        if (dryRun) {
            return;
        }
        if (write != null) {
            write(demo, write);
            return;
        }
        try {
            new DemoLoader(URI.create(intake), URI.create(reporting), token, chunk, Duration.ofSeconds(timeoutSeconds))
                    .load(demo);
        } catch (LoadFailure e) {
            System.err.println("demo: FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    /** One line about what was generated. */
    static String summary(Demo demo) {
        DemoSettings s = demo.settings();
        return String.format(
                Locale.ROOT,
                "%d jurisdictions, %d agencies, %d reports %d–%d (%d missing, %d late, "
                        + "%d with deliberate warnings), seed %d",
                demo.jurisdictions().size(),
                demo.agencies().size(),
                demo.submissions().size(),
                s.fromYear(),
                s.toYear(),
                demo.missing().size(),
                demo.late().size(),
                demo.warnings().size(),
                s.seed());
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
        System.out.println("demo: registry imported: " + imported.body());
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

    /**
     * The country ({@link DemoCountry}) is written as a change feed, never loaded through intake (three million
     * reports): the national benchmark serves it to stats in place of reporting-service.
     */
    private static void country(String[] args, Path writeFeed, boolean dryRun) throws IOException {
        DemoSettings shape = DemoSettings.countryProvince();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seed") && i + 1 < args.length) {
                shape = shape.withSeed(Long.parseLong(args[i + 1]));
            }
        }
        System.out.println("demo: country of " + DemoCountry.describe(shape));
        if (dryRun) {
            return;
        }
        if (writeFeed == null) {
            System.err.println("demo: --country is written as a change feed: give --write-feed DIR");
            System.exit(2);
        }
        long started = System.nanoTime();
        DemoCountry.Written written = DemoCountry.writeFeed(shape, writeFeed);
        System.out.printf(Locale.ROOT, "demo: wrote %s to %s in %.0f s%n", written, writeFeed, seconds(started));
    }

    /** Writes registry.csv and reports-YEAR.ndjson into the directory. */
    static void write(Demo demo, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("registry.csv"), demo.registryCsv(), StandardCharsets.UTF_8);
        for (int year = demo.settings().fromYear(); year <= demo.settings().toYear(); year++) {
            try (OutputStream out = new java.io.BufferedOutputStream(
                    Files.newOutputStream(dir.resolve("reports-" + year + ".ndjson")))) {
                Demo.writeNdjson(demo.submissions(year), out);
            }
        }
        System.out.println("demo: wrote registry.csv and reports-<year>.ndjson to " + dir);
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

    private static String next(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static double seconds(long since) {
        return Math.max(1e-3, (System.nanoTime() - since) / 1e9);
    }

    static String usage() {
        return """
                usage: java -jar demo-province/target/demo-province.jar [options]
                  --intake URL                    intake-service (default http://localhost:8081)
                  --reporting URL                 reporting-service (default http://localhost:8082)
                  --token JWT                     bearer token with the admin role (default: $OGI_TOKEN)
                  --full | --standard | --small   preset size (default --full: 16 cities × 9 counties, 9,521 agencies)
                  --seed N                        default 2024; same seed and knobs → the same province
                  --cities N --counties-per-city N --departments-per-government N --provincial-departments N
                  --from YEAR --to YEAR           default 2019–2024
                  --missing-rate R --late-rate R --warning-rate R --reform-rate R
                  --chunk LINES                   NDJSON lines per batch (default 2000)
                  --timeout SECONDS               how long to wait for intake's outbox to empty (default 3600)
                  --write DIR                     write registry.csv and reports-YEAR.ndjson instead of loading
                  --dry-run                       only generate and print the counts
                  --country --write-feed DIR      the demo country (31 provinces, ≈ 300,000 agencies, 2019–2028) written
                                                  as reporting-service's change feed (gzip NDJSON), for the national
                                                  benchmark of stats (deploy/bench/stats --country); --seed N applies""";
    }

    /** A load that cannot go on; the message says why. */
    static final class LoadFailure extends IllegalStateException {
        LoadFailure(String message) {
            super(message);
        }
    }
}
