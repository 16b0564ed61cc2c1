package cn.ogi.e2e.bench;

import cn.ogi.e2e.Platform;
import cn.ogi.e2e.Registry;
import cn.ogi.e2e.Reports;
import cn.ogi.e2e.ServiceProcess;
import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures intake-service with all three services and PostgreSQL running on this machine:
 * single submissions at 32 concurrent clients (rate, p50, p99), NDJSON batch throughput, the
 * delivery lag to reporting-service, and, side by side, plain JDBC inserts of the same rows into
 * tables shaped like intake's (the ceiling). Run with {@code deploy/bench/intake}; loopback only,
 * every loop bounded in time and count.
 */
public final class IntakeBenchmark {

    static final int CLIENTS = 32;
    static final Duration WARM_UP = Duration.ofSeconds(5);
    static final Duration MEASURE = Duration.ofSeconds(20);
    static final int AGENCIES = 1000;
    static final int BATCH_LINES = 20_000;
    static final int MAX_REQUESTS = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Platform platform = Platform.get();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token = platform.token(Roles.SUBMITTER, "370000", "benchmark");
    private final AtomicInteger unique = new AtomicInteger();
    private List<String> agencies;

    public static void main(String[] args) throws Exception {
        new IntakeBenchmark().run();
        System.exit(0);
    }

    void run() throws Exception {
        agencies = Registry.newAgencies(platform, "371502", AGENCIES);
        ServiceProcess.sleep(3000); // intake follows the registry feed every second
        System.out.printf(
                "machine: %d cores, %d MiB max heap for this client%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        singles(WARM_UP);
        long[] latencies = singles(MEASURE);
        double singleRate = latencies.length / (double) MEASURE.toSeconds();
        Arrays.sort(latencies);

        long lagStart = System.nanoTime();
        Reports.awaitOutboxEmpty(platform, Duration.ofMinutes(10));
        double lag = (System.nanoTime() - lagStart) / 1e9;

        double batchRate = batch(BATCH_LINES);
        long drainStart = System.nanoTime();
        Reports.awaitOutboxEmpty(platform, Duration.ofMinutes(10));
        double batchDrain = (System.nanoTime() - drainStart) / 1e9;

        double rawSingle = rawInserts(CLIENTS, MEASURE, 1);
        double rawBatched = rawInserts(1, Duration.ofSeconds(10), 500);

        System.out.println();
        System.out.println("| measure | result |");
        System.out.println("|---|---|");
        System.out.printf(
                "| single submissions, %d clients, %d s | %.0f /s (p50 %.1f ms, p99 %.1f ms, %d requests) |%n",
                CLIENTS, MEASURE.toSeconds(), singleRate, ms(latencies, 0.50), ms(latencies, 0.99), latencies.length);
        System.out.printf(
                "| delivery lag after the single-submission run | %.1f s until the outbox was empty |%n", lag);
        System.out.printf(
                "| NDJSON batch, %d lines in one request | %.0f reports/s (then %.1f s to deliver them all) |%n",
                BATCH_LINES, batchRate, batchDrain);
        System.out.printf(
                "| plain PostgreSQL: one submission + outbox row per transaction, %d connections | %.0f rows/s |%n",
                CLIENTS, rawSingle);
        System.out.printf("| plain PostgreSQL: batches of 500, one connection | %.0f rows/s |%n", rawBatched);
        System.out.printf("| intake / raw (single) | %.0f %% |%n", 100 * singleRate / rawSingle);
        System.out.printf("| intake batch / raw (batched) | %.0f %% |%n", 100 * batchRate / rawBatched);
    }

    /** Submissions from CLIENTS threads for the duration; the latency (ns) of each 202. */
    private long[] singles(Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<List<Long>>> clients = new ArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < end && requests.incrementAndGet() < MAX_REQUESTS) {
                    HttpRequest request = HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + Platform.INTAKE + "/api/v1/submissions"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(nextReport()))
                            .build();
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException(
                                "submission answered " + response.statusCode() + ": " + response.body());
                    }
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

    private double batch(int lines) throws Exception {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            ndjson.append(nextReport()).append('\n');
        }
        byte[] body = ndjson.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + Platform.INTAKE + "/api/v1/submissions/batch"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        long accepted = response.body()
                .lines()
                .filter(l -> l.contains("\"status\":\"accepted\""))
                .count();
        if (accepted != lines) {
            throw new IllegalStateException("batch accepted " + accepted + " of " + lines);
        }
        return lines / seconds;
    }

    /** A report no earlier submission had: the licensing count is a running number; corrections say why. */
    private String nextReport() {
        int n = unique.incrementAndGet();
        String agency = agencies.get(n % agencies.size());
        int year = 2021 + (n / agencies.size()) % 5;
        try {
            return JSON.writeValueAsString(Reports.json(Reports.balanced(agency, year, 10)
                    .cell("activeDisclosure.licensing.decisions", n)
                    .correctionReason("benchmark run " + n)
                    .build()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows/s that plain JDBC inserts into a copy of intake's submission and outbox tables. */
    private double rawInserts(int connections, Duration duration, int perTransaction) throws Exception {
        String url = Platform.jdbcUrl("intake") + "?reWriteBatchedInserts=true";
        try (Connection c = DriverManager.getConnection(url, "ogi", "ogi");
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_outbox, bench_submission");
            s.execute("CREATE TABLE bench_submission (LIKE submission INCLUDING ALL)");
            s.execute("CREATE TABLE bench_outbox (LIKE outbox INCLUDING ALL)");
        }
        String report = nextReport();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            workers.add(pool.submit(() -> {
                int rows = 0;
                try (Connection c = DriverManager.getConnection(url, "ogi", "ogi");
                        PreparedStatement sub = c.prepareStatement("""
                                INSERT INTO bench_submission (id, body_sha256, agency_code, year, source, report,
                                    submitted_by, received_at, status, findings)
                                VALUES (?, ?, ?, 2023, 'api', CAST(? AS jsonb), 'benchmark', ?, 'RECEIVED', '[]')""");
                        PreparedStatement out = c.prepareStatement(
                                "INSERT INTO bench_outbox (submission_id, created_at, next_attempt_at) VALUES (?, ?, ?)")) {
                    c.setAutoCommit(false);
                    while (System.nanoTime() < end && rows < MAX_REQUESTS) {
                        Timestamp now = new Timestamp(System.currentTimeMillis());
                        for (int i = 0; i < perTransaction; i++) {
                            UUID id = UUID.randomUUID();
                            sub.setObject(1, id);
                            sub.setString(2, "0".repeat(64));
                            sub.setString(3, agencies.get(0));
                            sub.setString(4, report);
                            sub.setTimestamp(5, now);
                            sub.addBatch();
                            out.setObject(1, id);
                            out.setTimestamp(2, now);
                            out.setTimestamp(3, now);
                            out.addBatch();
                        }
                        sub.executeBatch();
                        out.executeBatch();
                        c.commit();
                        rows += perTransaction;
                    }
                }
                return rows;
            }));
        }
        int rows = 0;
        for (Future<Integer> worker : workers) {
            rows += worker.get();
        }
        pool.shutdown();
        try (Connection c = DriverManager.getConnection(url, "ogi", "ogi");
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_outbox, bench_submission");
        }
        return rows / (double) duration.toSeconds();
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * quantile)] / 1e6;
    }
}
