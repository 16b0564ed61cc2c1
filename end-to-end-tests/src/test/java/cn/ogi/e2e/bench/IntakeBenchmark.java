package cn.ogi.e2e.bench;

import cn.ogi.demo.DemoSettings;
import cn.ogi.e2e.Platform;
import cn.ogi.e2e.Registry;
import cn.ogi.e2e.Reports;
import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the write path with all three services and PostgreSQL running on this machine, every figure of issue 13
 * in one run: single submissions at 32 concurrent clients, one NDJSON batch, the delivery rate to reporting-service,
 * and — in the same run — plain JDBC writing the same rows (the ceilings, {@link RawInserts}); then a demo province
 * loaded through intake's batches and the time until stats shows all of it, and the freshness under a steady rate of
 * corrections ({@link ProvinceRun}); the services' largest resident sets throughout. Run with
 * {@code deploy/bench/intake [--small] [--json FILE]}; loopback only, every loop bounded in time and count. A figure
 * the run could not measure is null in the JSON and the table says why.
 */
public final class IntakeBenchmark {

    static final int MAX_REQUESTS = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The figures of --json, in the order of the list. */
    static final List<String> FIGURES = List.of(
            "singlePerSecond",
            "rawSinglePerSecond",
            "batchPerSecond",
            "rawBatchPerSecond",
            "deliveryPerSecond",
            "rawDeliveryPerSecond",
            "provinceLoadSeconds",
            "provinceVisibleSeconds",
            "freshnessP99Seconds",
            "rssMaxMB");

    /** The sizes of a run: the default (issue 13's acceptance) or {@code --small} (a quick look). */
    record Preset(
            String name,
            int clients,
            Duration warmUp,
            Duration measure,
            int agencies,
            int batchLines,
            DemoSettings province,
            int steadyRate,
            Duration steady) {

        static Preset standard() {
            return new Preset(
                    "default",
                    32,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(20),
                    1000,
                    20_000,
                    DemoSettings.full().withProvince(41),
                    200,
                    Duration.ofSeconds(60));
        }

        static Preset small() {
            return new Preset(
                    "small",
                    32,
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(5),
                    100,
                    2_000,
                    DemoSettings.small().withProvince(41),
                    20,
                    Duration.ofSeconds(10));
        }

        Preset withBatchLines(int lines) {
            return new Preset(
                    name + "-batch-" + lines, clients, warmUp, measure, agencies, lines, province, steadyRate, steady);
        }

        Preset measuring(Duration warmingUp, Duration measuring) {
            return new Preset(
                    name + "-warm-up-" + warmingUp.toSeconds() + "s-measure-" + measuring.toSeconds() + "s",
                    clients,
                    warmingUp,
                    measuring,
                    agencies,
                    batchLines,
                    province,
                    steadyRate,
                    steady);
        }
    }

    /** The phases {@code --only} can name, in the order a run takes them. */
    static final List<String> PHASES =
            List.of("single", "batch", "raw-single", "raw-batch", "raw-delivery", "province", "freshness");

    /**
     * The preset, the JSON file, the phases to run ({@code --only}: a comma-separated subset of {@link #PHASES}; all
     * by default), {@code --warm-up SECONDS} (the single submissions' warm-up) and {@code --measure SECONDS} (replaces the
     * preset's measuring time of the single and raw phases) and {@code --batch-lines N} (the batch phase's lines).
     */
    record Options(Preset preset, Path json, Set<String> only) {
        static Options parse(String[] args) {
            Preset preset = Preset.standard();
            Path json = null;
            Set<String> only = new LinkedHashSet<>(PHASES);
            Duration measure = null;
            Duration warmUp = null;
            Integer batchLines = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--small" -> preset = Preset.small();
                    case "--json" -> json = Path.of(value(args, ++i, "--json needs a file"));
                    case "--only" -> {
                        only = new LinkedHashSet<>(
                                List.of(value(args, ++i, "--only needs phases").split(",", -1)));
                        if (!PHASES.containsAll(only)) {
                            throw new IllegalArgumentException("--only " + only + ": the phases are " + PHASES);
                        }
                    }
                    case "--warm-up" ->
                        warmUp = Duration.ofSeconds(Long.parseLong(value(args, ++i, "--warm-up needs seconds")));
                    case "--batch-lines" ->
                        batchLines = Integer.parseInt(value(args, ++i, "--batch-lines needs a number"));
                    case "--measure" ->
                        measure = Duration.ofSeconds(Long.parseLong(value(args, ++i, "--measure needs seconds")));
                    default ->
                        throw new IllegalArgumentException("unknown option " + args[i]
                                + "; known: --small, --json FILE, --only PHASES, --warm-up SECONDS, --measure SECONDS,"
                                + " --batch-lines N (see --help)");
                }
            }
            if (measure != null || warmUp != null) {
                preset = preset.measuring(
                        warmUp == null ? preset.warmUp() : warmUp, measure == null ? preset.measure() : measure);
            }
            if (batchLines != null) {
                preset = preset.withBatchLines(batchLines);
            }
            return new Options(preset, json, only);
        }

        private static String value(String[] args, int i, String missing) {
            if (i >= args.length) {
                throw new IllegalArgumentException(missing);
            }
            return args[i];
        }
    }

    private final Preset preset;
    private final Path jsonFile;
    private final Set<String> only;
    private final Platform platform = Platform.get();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token = platform.token(Roles.SUBMITTER, "370000", "benchmark");
    private final AtomicInteger unique = new AtomicInteger();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final Map<String, String> whyNot = new LinkedHashMap<>();
    private final List<String> table = new ArrayList<>();
    private List<String> agencies;

    IntakeBenchmark(Options options) {
        this.preset = options.preset();
        this.jsonFile = options.json();
        this.only = options.only();
        FIGURES.forEach(f -> figures.put(f, null));
    }

    public static void main(String[] args) throws Exception {
        // a persistent connection per single-submission client (HttpURLConnection keeps 5 per host by default)
        System.setProperty("http.maxConnections", "64");
        try {
            new IntakeBenchmark(Options.parse(args)).run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the shutdown hook stops the services; client threads must not keep us alive
        }
        System.exit(0);
    }

    void run() throws Exception {
        System.out.printf(
                "machine: %d cores, %d MiB max heap for this client; preset %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, preset.name());
        List<RssSampler> samplers = new ArrayList<>();
        Map<String, RssSampler> byService = new LinkedHashMap<>();
        platform.pids().forEach((name, pid) -> {
            RssSampler sampler = new RssSampler(pid);
            samplers.add(sampler);
            byService.put(name, sampler);
        });
        try {
            agencies = Registry.newAgencies(platform, "371502", preset.agencies());
            phase("single submissions", List.of("singlePerSecond"), this::singles);
            phase("NDJSON batch and delivery", List.of("batchPerSecond", "deliveryPerSecond"), this::batch);
            RawInserts raw = new RawInserts(agencies.get(0), nextReport());
            phase("raw single", List.of("rawSinglePerSecond"), () -> {
                double client = CpuTime.of(ProcessHandle.current().pid());
                double rate = raw.intakeRows(preset.clients(), preset.measure(), 1);
                note(
                        "CPU per raw single transaction, this client (JDBC) (ms)",
                        String.format(
                                Locale.ROOT,
                                "%.2f",
                                1000
                                        * (CpuTime.of(ProcessHandle.current().pid()) - client)
                                        / (rate * preset.measure().toSeconds())));
                put(
                        "rawSinglePerSecond",
                        rate,
                        "plain PostgreSQL: a submission, outbox and audit row per transaction, " + preset.clients()
                                + " connections");
            });
            phase("raw batched", List.of("rawBatchPerSecond"), () -> {
                double rate = raw.intakeRows(1, preset.measure(), 500);
                put(
                        "rawBatchPerSecond",
                        rate,
                        "plain PostgreSQL: the same three rows in batches of 500, one connection");
            });
            phase("raw delivery", List.of("rawDeliveryPerSecond"), () -> {
                double rate = raw.reportingRows(preset.measure(), 500);
                put(
                        "rawDeliveryPerSecond",
                        rate,
                        "plain PostgreSQL: reporting-service's rows of a delivered version (report, version, delivery,"
                                + " change event, audit) in batches of 500, one connection");
            });
            ProvinceRun province = new ProvinceRun(platform, http, preset, this::put, this::note);
            Map<String, Double> cpuBeforeProvince = cpuSeconds();
            phase("demo province", List.of("provinceLoadSeconds", "provinceVisibleSeconds"), province::load);
            if (province.reports() > 0 && figures.get("provinceVisibleSeconds") != null) {
                note(
                        "CPU per report of the demo province, from the registry import until stats applied it all (ms)",
                        cpuPer(cpuBeforeProvince, cpuSeconds(), province.reports()));
            }
            if (figures.get("provinceVisibleSeconds") != null || !only.contains("freshness")) {
                phase("freshness", List.of("freshnessP99Seconds"), () -> {
                    int corrections = province.prepareCorrections();
                    Map<String, Double> cpuBeforeFreshness = cpuSeconds();
                    province.freshness();
                    note(
                            "CPU per correction, from the first sent until stats' feed lag was 0 (ms)",
                            cpuPer(cpuBeforeFreshness, cpuSeconds(), corrections));
                });
            } else {
                whyNot.put("freshnessP99Seconds", "not measured: the demo province did not load");
            }
        } finally {
            Map<String, Long> rss = new LinkedHashMap<>();
            byService.forEach((name, sampler) -> rss.put(name, sampler.maxMb() == 0 ? null : sampler.maxMb()));
            samplers.forEach(RssSampler::close);
            figures.put("rssMaxMB", rss);
            note("services' RSS, max over the whole run", rss + " MiB");
            report();
        }
    }

    /**
     * A phase whose failure leaves its figures null, with the reason, and lets the others run; a phase left out by
     * {@code --only} leaves them null too.
     */
    private void phase(String name, List<String> produces, Phase phase) {
        if (!only.contains(PHASES.get(PHASE_NAMES.indexOf(name)))) {
            produces.forEach(figure -> whyNot.put(figure, "not measured: left out by --only"));
            return;
        }
        try {
            phase.run();
        } catch (Exception | Error e) {
            System.out.println(name + " failed: " + e);
            for (String figure : produces) {
                if (figures.get(figure) == null) {
                    whyNot.put(figure, "not measured: " + name + " failed (" + brief(e) + ")");
                }
            }
        }
    }

    private static String brief(Throwable e) {
        String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    /** The phases' names in the table, in the order of {@link #PHASES}. */
    private static final List<String> PHASE_NAMES = List.of(
            "single submissions",
            "NDJSON batch and delivery",
            "raw single",
            "raw batched",
            "raw delivery",
            "demo province",
            "freshness");

    interface Phase {
        void run() throws Exception;
    }

    void put(String figure, double value, String measure) {
        figures.put(figure, Math.round(value * 100) / 100.0);
        note(measure + " → " + figure, String.format(Locale.ROOT, "%.2f", value));
    }

    void note(String measure, String value) {
        String line = "| " + measure + " | " + value + " |";
        System.out.println(line);
        table.add(line);
    }

    private void report() throws Exception {
        whyNot.forEach((figure, why) -> table.add("| " + figure + " | null: " + why + " |"));
        ratio("intake single / raw single", "singlePerSecond", "rawSinglePerSecond");
        ratio("intake batch / raw batched", "batchPerSecond", "rawBatchPerSecond");
        ratio("delivery / raw delivery", "deliveryPerSecond", "rawDeliveryPerSecond");
        System.out.println();
        System.out.println("| measure | result |");
        System.out.println("|---|---|");
        table.forEach(System.out::println);
        if (jsonFile != null) {
            Map<String, Object> out = new LinkedHashMap<>(figures);
            out.put("preset", preset.name());
            JSON.writerWithDefaultPrettyPrinter().writeValue(jsonFile.toFile(), out);
            System.out.println("figures written to " + jsonFile);
        }
    }

    private void ratio(String name, String part, String whole) {
        Object a = figures.get(part);
        Object b = figures.get(whole);
        table.add("| " + name + " | "
                + (a instanceof Double x && b instanceof Double y && y > 0
                        ? String.format(Locale.ROOT, "%.0f %%", 100 * x / y)
                        : "null: a figure is missing")
                + " |");
    }

    // --- intake's own paths ------------------------------------------------------------------------------------

    private void singles() throws Exception {
        submitSingles(preset.warmUp());
        Map<String, Double> cpuBefore = cpuSeconds();
        long[] latencies = submitSingles(preset.measure());
        Map<String, Double> cpuAfter = cpuSeconds();
        Arrays.sort(latencies);
        Latencies measured = new Latencies(latencies, preset.measure());
        put(
                "singlePerSecond",
                measured.perSecond(),
                "single submissions, " + preset.clients() + " clients, "
                        + preset.measure().toSeconds() + " s (" + measured + ")");
        note(
                "CPU per single submission while they ran (ms; a cost, whatever the machine's load)",
                cpuPer(cpuBefore, cpuAfter, latencies.length));
        long start = System.nanoTime();
        Reports.awaitOutboxEmpty(platform, Duration.ofMinutes(10));
        note(
                "delivery lag after the single-submission run",
                String.format(Locale.ROOT, "%.1f s until the outbox was empty", (System.nanoTime() - start) / 1e9));
    }

    /**
     * CPU seconds used so far by each service, intake's PostgreSQL backends (its pool's connections), this client
     * and the whole machine (all processes, from /proc/stat).
     */
    private Map<String, Double> cpuSeconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        platform.pids().forEach((name, pid) -> seconds.put(name, CpuTime.of(pid)));
        seconds.put("intake's PostgreSQL backends", CpuTime.ofBackends(Platform.jdbcUrl("intake")));
        seconds.put("reporting's PostgreSQL backends", CpuTime.ofBackends(Platform.jdbcUrl("reporting")));
        seconds.put("this client", CpuTime.of(ProcessHandle.current().pid()));
        seconds.put("machine", CpuTime.machine());
        return seconds;
    }

    private static String cpuPer(Map<String, Double> before, Map<String, Double> after, int count) {
        List<String> parts = new ArrayList<>();
        after.forEach((name, seconds) -> parts.add(String.format(
                Locale.ROOT, "%s %.2f", name, count == 0 ? 0 : 1000 * (seconds - before.get(name)) / count)));
        return String.join(", ", parts);
    }

    /** Submissions from the clients for the duration; the latency (ns) of each 202. */
    private long[] submitSingles(Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(preset.clients());
        long end = System.nanoTime() + duration.toNanos();
        List<Future<List<Long>>> clients = new ArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        for (int c = 0; c < preset.clients(); c++) {
            clients.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < end && requests.incrementAndGet() < MAX_REQUESTS) {
                    long start = System.nanoTime();
                    postSubmission(token, nextReport().getBytes(StandardCharsets.UTF_8));
                    mine.add(System.nanoTime() - start);
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> client : clients) {
            all.addAll(client.get());
        }
        pool.shutdown();
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * One NDJSON batch; then the delivery rate: the outbox backlog when the batch was answered, divided by the time
     * until the outbox was empty (the relay delivers while the batch is stored too; this counts only what it had
     * left, with nothing else running).
     */
    private void batch() throws Exception {
        int lines = preset.batchLines();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            ndjson.append(nextReport()).append('\n');
        }
        byte[] body = ndjson.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, Double> cpuAtSend = cpuSeconds();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(
                intake("/api/v1/submissions/batch", "application/x-ndjson", body),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        note(
                "CPU per batch line while the batch was sent, checked and stored (ms; the relay delivers meanwhile)",
                cpuPer(cpuAtSend, cpuSeconds(), lines));
        long accepted = response.body()
                .lines()
                .filter(l -> l.contains("\"status\":\"accepted\""))
                .count();
        if (accepted != lines) {
            throw new IllegalStateException("batch accepted " + accepted + " of " + lines);
        }
        put("batchPerSecond", lines / seconds, "NDJSON batch, " + lines + " lines in one request (reports/s)");
        int backlog = Reports.outboxBacklog();
        Map<String, Double> cpuBefore = cpuSeconds();
        long drainStart = System.nanoTime();
        Reports.awaitOutboxEmpty(platform, Duration.ofMinutes(30));
        double drain = (System.nanoTime() - drainStart) / 1e9;
        Map<String, Double> cpuAfter = cpuSeconds();
        note(
                "CPU per delivered version while the outbox drained (ms; a cost, whatever the machine's load)",
                backlog + " versions: " + cpuPer(cpuBefore, cpuAfter, backlog));
        if (backlog < 100) {
            // the relay kept up with the batch: what is known is the rate from the first line to the last delivery
            double total = (System.nanoTime() - start) / 1e9;
            put(
                    "deliveryPerSecond",
                    lines / total,
                    "delivery to reporting-service: the relay kept up with the batch (" + backlog + " left when it was"
                            + " answered), so this is a lower bound: " + lines + " versions from the first line sent to"
                            + " the outbox empty, " + String.format(Locale.ROOT, "%.1f s", total) + " (versions/s)");
            return;
        }
        put(
                "deliveryPerSecond",
                backlog / drain,
                "delivery to reporting-service: " + backlog
                        + " versions left when the batch was answered, outbox empty "
                        + String.format(Locale.ROOT, "%.1f s", drain) + " later (versions/s)");
    }

    /**
     * One single submission, which must be answered 202. By {@link java.net.HttpURLConnection} (persistent
     * connections, {@code http.maxConnections} raised in {@link #main} so that each client keeps its own): on these two
     * shared cores the {@link HttpClient} of the other phases cost this process about 5 ms of CPU per submission —
     * half of what intake spends on it — which the services then lacked; the plain JDBC clients spend 0.3–0.4 ms.
     * The freshness phase's corrections go the same way ({@link ProvinceRun#freshness}).
     */
    static void postSubmission(String token, byte[] body) throws java.io.IOException {
        java.net.HttpURLConnection connection =
                (java.net.HttpURLConnection) URI.create("http://localhost:" + Platform.INTAKE + "/api/v1/submissions")
                        .toURL()
                        .openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        connection.setRequestProperty("Authorization", "Bearer " + token);
        connection.setRequestProperty("Content-Type", "application/json");
        try (var out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        try (var in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            String answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 202) {
                throw new IllegalStateException("submission answered " + status + ": " + answer);
            }
        }
    }

    private HttpRequest intake(String path, String type, byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + Platform.INTAKE + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /**
     * A report no earlier submission had: the licensing count is a running number; corrections say why. Made from a
     * template per agency and year ({@link #templates}, rendered once), so that the clients spend their CPU — which
     * the services on the same cores need — on sending, as the plain JDBC clients do, not on building reports.
     */
    private String nextReport() {
        int n = unique.incrementAndGet();
        String agency = agencies.get(n % agencies.size());
        int year = 2021 + (n / agencies.size()) % 5;
        return templates
                .computeIfAbsent(agency + "/" + year, ignored -> render(agency, year, RUNNING))
                .replace(RUNNING_TEXT, Integer.toString(n));
    }

    /** The running number's stand-in in a template: a count no report of the benchmark reaches, found nowhere else. */
    private static final int RUNNING = 987_654_321;

    private static final String RUNNING_TEXT = Integer.toString(RUNNING);
    private final Map<String, String> templates = new java.util.concurrent.ConcurrentHashMap<>();

    private static String render(String agency, int year, int n) {
        String json;
        try {
            json = JSON.writeValueAsString(Reports.json(Reports.balanced(agency, year, 10)
                    .cell("activeDisclosure.licensing.decisions", n)
                    .correctionReason("benchmark run " + n)
                    .build()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        // the count and the reason, nothing else (a total computed from the count would not follow the replacement)
        if (json.split(Integer.toString(n), -1).length != 3) {
            throw new IllegalStateException("the template holds " + n + " other than twice: " + json);
        }
        return json;
    }
}
