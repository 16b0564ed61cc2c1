package cn.ogi.e2e.bench;

import cn.ogi.e2e.Platform;
import cn.ogi.e2e.Registry;
import cn.ogi.e2e.Reports;
import cn.ogi.web.auth.Roles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code deploy/soak [--minutes 30] [--submissions-per-second 100] [--queries-per-second 200]}: steady mixed load
 * (open loop: requests are started at the rate whatever the answers take) against the three services started as
 * real processes; every 10 s the RSS of each JVM and the latencies of the last 10 s are sampled. At the end: RSS
 * flat (±10 % of its mean after the warm-up) and p99 of the last stretch within 20 % of the first, as a table for
 * docs/RELIABILITY.md.
 */
public final class Soak {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(16))
            .build();

    /** One 10-second sample. */
    @SuppressWarnings("ArrayRecordComponent") // p50, p99, count of one sample, printed once
    record Sample(int second, Map<String, Long> rssMb, long[] submitMillis, long[] queryMillis, int errors) {}

    private final List<Long> submitLatencies = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> queryLatencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();

    public static void main(String[] args) throws Exception {
        double minutes = 30;
        int submissionsPerSecond = 100;
        int queriesPerSecond = 200;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--minutes" -> minutes = Double.parseDouble(args[i + 1]);
                case "--submissions-per-second" -> submissionsPerSecond = Integer.parseInt(args[i + 1]);
                case "--queries-per-second" -> queriesPerSecond = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new Soak().run(minutes, submissionsPerSecond, queriesPerSecond);
        System.exit(0);
    }

    private void run(double minutes, int submissionsPerSecond, int queriesPerSecond) throws Exception {
        Platform platform = Platform.get();
        List<String> agencies = Registry.newAgencies(platform, "370102", 500);
        String submitter = platform.token(Roles.SUBMITTER, "370100", "soak-system");
        String viewer = platform.token(Roles.VIEWER, "370000", "soak-dashboard");
        ServiceProcessClock.sleep(3000); // intake follows the registry
        ExecutorService workers = Executors.newFixedThreadPool(64);
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(3);
        var submitting = ticks.scheduleAtFixedRate(
                () -> workers.execute(() -> submit(agencies, submitter)),
                0,
                1_000_000 / submissionsPerSecond,
                TimeUnit.MICROSECONDS);
        var querying = ticks.scheduleAtFixedRate(
                () -> workers.execute(() -> query(viewer)), 0, 1_000_000 / queriesPerSecond, TimeUnit.MICROSECONDS);
        List<Sample> samples = new ArrayList<>();
        long end = System.nanoTime() + (long) (minutes * 60e9);
        int second = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(10_000);
            second += 10;
            samples.add(sample(second, platform.pids()));
            Sample s = samples.get(samples.size() - 1);
            System.out.printf(
                    Locale.ROOT,
                    "%5d s  rss %s  submit p50/p99 %d/%d ms (%d)  query p50/p99 %d/%d ms (%d)  errors %d%n",
                    s.second(),
                    s.rssMb(),
                    s.submitMillis()[0],
                    s.submitMillis()[1],
                    s.submitMillis()[2],
                    s.queryMillis()[0],
                    s.queryMillis()[1],
                    s.queryMillis()[2],
                    s.errors());
        }
        submitting.cancel(false);
        querying.cancel(false);
        ticks.shutdownNow();
        workers.shutdownNow();
        String table = table(samples, minutes, submissionsPerSecond, queriesPerSecond);
        System.out.println(table);
        Path out = Path.of(System.getProperty("ogi.root.dir", "."), "end-to-end-tests", "target", "soak.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    private void submit(List<String> agencies, String token) {
        long n = sequence.incrementAndGet();
        String agency = agencies.get((int) (n % agencies.size()));
        int year = 2021 + (int) ((n / agencies.size()) % 4);
        // the count grows with n, so that most submissions are corrections that make a new version
        String body = Reports.json(
                        Reports.balanced(agency, year, 3 + (int) (n % 1000)).build())
                .toString();
        time(
                HttpRequest.newBuilder(URI.create("http://localhost:" + Platform.INTAKE + "/api/v1/submissions"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                submitLatencies);
    }

    private void query(String token) {
        long n = sequence.incrementAndGet();
        String[] paths = {
            "/api/v1/stats/applications?year=2023&groupBy=child",
            "/api/v1/stats/outcomes?year=2022&jurisdiction=370100",
            "/api/v1/stats/completeness?year=2023&jurisdiction=370102",
            "/api/v1/stats/reviews?from=2021&to=2024&groupBy=year",
            "/api/v1/stats/fees?year=2024&jurisdiction=370102&groupBy=agency"
        };
        time(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + Platform.STATS + paths[(int) (n % paths.length)]))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                queryLatencies);
    }

    private void time(HttpRequest request, List<Long> latencies) {
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                errors.incrementAndGet();
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
        latencies.add((System.nanoTime() - start) / 1_000_000);
    }

    private Sample sample(int second, Map<String, Long> pids) {
        Map<String, Long> rss = new java.util.LinkedHashMap<>();
        pids.forEach((name, pid) -> rss.put(name.replace("-service", ""), rssMb(pid)));
        return new Sample(second, rss, drain(submitLatencies), drain(queryLatencies), errors.getAndSet(0));
    }

    /** p50, p99 and count of the latencies since the last sample. */
    private static long[] drain(List<Long> latencies) {
        List<Long> copy;
        synchronized (latencies) {
            copy = new ArrayList<>(latencies);
            latencies.clear();
        }
        Collections.sort(copy);
        if (copy.isEmpty()) {
            return new long[] {0, 0, 0};
        }
        return new long[] {
            copy.get(copy.size() / 2), copy.get(Math.min(copy.size() - 1, (int) (copy.size() * 0.99))), copy.size()
        };
    }

    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // the process is gone
        }
        return -1;
    }

    private static String table(List<Sample> samples, double minutes, int submissions, int queries) {
        int warmup = samples.size() / 6; // 5 of 30 minutes
        int stretch = Math.max(1, samples.size() / 6);
        List<Sample> steady = samples.subList(Math.min(warmup, samples.size() - 1), samples.size());
        StringBuilder out = new StringBuilder();
        out.append("Soak of ")
                .append(LocalDate.now(java.time.ZoneOffset.UTC))
                .append(": ")
                .append(minutes)
                .append(" min at ")
                .append(submissions)
                .append(" submissions/s and ")
                .append(queries)
                .append(" queries/s; samples every 10 s; warm-up ")
                .append(warmup * 10)
                .append(" s.\n\n| service | RSS after warm-up: mean | min | max | max deviation | flat (±10 %) |\n")
                .append("|---|---:|---:|---:|---:|---|\n");
        for (String service : samples.get(0).rssMb().keySet()) {
            long min = Long.MAX_VALUE;
            long max = 0;
            double sum = 0;
            for (Sample s : steady) {
                long v = s.rssMb().get(service);
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            double mean = sum / steady.size();
            double deviation = Math.max(max - mean, mean - min) / mean * 100;
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f MB | %d MB | %d MB | %.1f %% | %s |%n",
                    service,
                    mean,
                    min,
                    max,
                    deviation,
                    deviation <= 10 ? "yes" : "NO"));
        }
        long firstSubmit = p99(samples.subList(0, stretch), true);
        long lastSubmit = p99(samples.subList(samples.size() - stretch, samples.size()), true);
        long firstQuery = p99(samples.subList(0, stretch), false);
        long lastQuery = p99(samples.subList(samples.size() - stretch, samples.size()), false);
        int errors = samples.stream().mapToInt(Sample::errors).sum();
        long sent = samples.stream()
                .mapToLong(s -> s.submitMillis()[2] + s.queryMillis()[2])
                .sum();
        out.append("\n| latency (p99 of the 10-s samples) | first ")
                .append(stretch * 10)
                .append(" s | last ")
                .append(stretch * 10)
                .append(" s | within 20 % |\n|---|---:|---:|---|\n")
                .append(String.format(
                        Locale.ROOT,
                        "| submissions | %d ms | %d ms | %s |%n",
                        firstSubmit,
                        lastSubmit,
                        lastSubmit <= firstSubmit * 1.2 ? "yes" : "NO"))
                .append(String.format(
                        Locale.ROOT,
                        "| queries | %d ms | %d ms | %s |%n",
                        firstQuery,
                        lastQuery,
                        lastQuery <= firstQuery * 1.2 ? "yes" : "NO"))
                .append("\nRequests answered: ")
                .append(sent)
                .append("; not 2xx or no answer: ")
                .append(errors)
                .append(".\n");
        return out.toString();
    }

    /** The largest 10-s p99 of the stretch (a stretch's p99 is at least its worst sample's, conservatively). */
    private static long p99(List<Sample> stretch, boolean submit) {
        return stretch.stream()
                .mapToLong(s -> (submit ? s.submitMillis() : s.queryMillis())[1])
                .max()
                .orElse(0);
    }

    /** Sleeping without checked exceptions. */
    private static final class ServiceProcessClock {
        static void sleep(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    }
}
