package cn.ogi.e2e.bench;

import cn.ogi.demo.Demo;
import cn.ogi.demo.DemoLoader;
import cn.ogi.demo.DemoProvince;
import cn.ogi.demo.DemoSettings;
import cn.ogi.demo.Jurisdiction;
import cn.ogi.demo.Submission;
import cn.ogi.e2e.Platform;
import cn.ogi.e2e.Reports;
import cn.ogi.form.json.ReadMode;
import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Measures stats-service over a demo province loaded through intake (the real path), with all three
 * services and PostgreSQL on this machine: the latency of every stats query at 32 concurrent clients,
 * the same aggregate computed by a plain SQL GROUP BY over the latest versions in reporting-service's
 * database (checked equal to stats' answer first), and how far stats trails a steady stream of
 * submissions. Run with {@code deploy/bench/stats [--standard|--full|--small]}; loopback only, every
 * loop bounded in time and count.
 */
public final class StatsQueryBenchmark {

    static final int CLIENTS = 32;
    static final Duration WARM_UP = Duration.ofSeconds(5);
    static final Duration MEASURE = Duration.ofSeconds(20);
    static final List<String> QUERIES =
            List.of("applications", "outcomes", "reviews", "fees", "completeness", "quality");
    static final int STEADY_RATE = 10;
    static final Duration STEADY = Duration.ofSeconds(60);
    static final int MAX_REQUESTS = 500_000;
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String REPORTING_DB = Platform.jdbcUrl("reporting");

    private final Platform platform = Platform.get();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String admin = platform.token(Roles.ADMIN, null, "stats-benchmark");
    private final Demo demo;
    private final List<String> results = new ArrayList<>();

    StatsQueryBenchmark(DemoSettings settings) {
        demo = DemoProvince.generate(settings);
    }

    /** Arguments: the demo-province knobs ({@code --full}, {@code --standard}, …) and {@code --skip-load}. */
    public static void main(String[] args) throws Exception {
        DemoSettings.Parsed parsed = DemoSettings.parse(DemoSettings.standard(), args);
        try {
            new StatsQueryBenchmark(parsed.settings()).run(!parsed.rest().contains("--skip-load"));
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the shutdown hook stops the three services; client threads must not keep us alive
        }
        System.exit(0);
    }

    /**
     * {@code load=false}: the databases still hold the same province from a previous run (deploy/bench/stats
     * --skip-load keeps the services from emptying them), so the measurements start at once.
     */
    void run(boolean load) throws Exception {
        System.out.printf(
                "machine: %d cores, %d MiB max heap for this client%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        result(
                "demo province",
                String.format(
                        Locale.ROOT,
                        "%d jurisdictions, %d agencies, %d reports %d–%d",
                        demo.jurisdictions().size(),
                        demo.agencies().size(),
                        demo.submissions().size(),
                        demo.settings().fromYear(),
                        demo.settings().toYear()));
        long start = System.nanoTime();
        if (load) {
            new DemoLoader(
                            URI.create("http://localhost:" + Platform.INTAKE),
                            URI.create("http://localhost:" + Platform.REPORTING),
                            admin,
                            2000,
                            Duration.ofHours(1))
                    .load(demo);
            double loaded = seconds(start);
            result(
                    "load through intake and deliver",
                    String.format(
                            Locale.ROOT,
                            "%.0f s (%.0f reports/s)",
                            loaded,
                            demo.submissions().size() / loaded));
        }
        awaitNoLag(Duration.ofMinutes(30));
        result(
                "stats caught up (lag 0) after",
                String.format(Locale.ROOT, "%.0f s from the start of the load", seconds(start)));

        for (String query : QUERIES) {
            List<URI> mix = mix(query);
            concurrently(mix, WARM_UP, Map.of());
            long[] latencies = concurrently(mix, MEASURE, Map.of());
            result("/stats/" + query + ", " + CLIENTS + " clients", latency(latencies, MEASURE));
        }
        URI provinceByChild = uri(
                "applications",
                Map.of(
                        "jurisdiction",
                        province(),
                        "year",
                        String.valueOf(demo.settings().toYear()),
                        "groupBy",
                        "child"));
        String etag = get(provinceByChild).headers().firstValue("ETag").orElseThrow();
        long[] revalidated = concurrently(List.of(provinceByChild), MEASURE, Map.of("If-None-Match", etag));
        result("/stats/applications province by child, If-None-Match → 304", latency(revalidated, MEASURE));

        compareWithPlainSql();
        freshnessUnderSteadyLoad();

        System.out.println();
        System.out.println("| measure | result |");
        System.out.println("|---|---|");
        results.forEach(System.out::println);
    }

    // --- query latency -------------------------------------------------------------------------------------------

    /** The requests of one query kind: every node and year; province and cities by child, counties whole. */
    private List<URI> mix(String query) {
        List<URI> mix = new ArrayList<>();
        DemoSettings s = demo.settings();
        for (Jurisdiction node : demo.jurisdictions()) {
            for (int year = s.fromYear(); year <= s.toYear(); year++) {
                Map<String, String> params =
                        new TreeMap<>(Map.of("jurisdiction", node.code(), "year", String.valueOf(year)));
                if (!node.level().equals("county")) {
                    params.put("groupBy", "child");
                }
                mix.add(uri(query, params));
            }
            mix.add(uri(
                    query,
                    Map.of(
                            "jurisdiction",
                            node.code(),
                            "from",
                            String.valueOf(s.fromYear()),
                            "to",
                            String.valueOf(s.toYear()))));
        }
        java.util.Collections.shuffle(mix, new java.util.Random(42));
        return mix;
    }

    /** CLIENTS threads send the requests round-robin for the duration; the latency (ns) of each answer. */
    private long[] concurrently(List<URI> requests, Duration duration, Map<String, String> headers) throws Exception {
        AtomicInteger next = new AtomicInteger();
        int expectedStatus = headers.containsKey("If-None-Match") ? 304 : 200;
        return measure(duration, () -> () -> {
            HttpRequest.Builder request = request(requests.get(next.getAndIncrement() % requests.size()));
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(
                        response.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
        });
    }

    /** One client of a measurement: sends one request per call; closed when the measurement ends. */
    interface Client extends AutoCloseable {
        void request() throws Exception;

        @Override
        default void close() throws Exception {}
    }

    /** CLIENTS clients, each on its own thread, call request() for the duration; every latency (ns), sorted. */
    private static long[] measure(Duration duration, Callable<Client> newClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + duration.toNanos();
        AtomicInteger sent = new AtomicInteger();
        List<Future<long[]>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                long[] mine = new long[1024];
                int n = 0;
                try (Client client = newClient.call()) {
                    while (System.nanoTime() < end && sent.incrementAndGet() < MAX_REQUESTS) {
                        long start = System.nanoTime();
                        client.request();
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - start;
                    }
                }
                return Arrays.copyOf(mine, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> client : clients) {
            all.add(client.get());
        }
        pool.shutdown();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(latencies);
        return latencies;
    }

    // --- the same aggregate in plain SQL -------------------------------------------------------------------------

    /**
     * newReceived, carriedOver, totalProcessed and carriedForward of the province by child, summed straight
     * from the JSONB of the latest versions in reporting-service's tables. First proves, for every year, that
     * it gives stats' numbers; then times it alone and at 32 connections.
     */
    private void compareWithPlainSql() throws Exception {
        String sql = """
                WITH RECURSIVE branch (code, branch) AS (
                    SELECT code, code FROM jurisdiction WHERE parent = ?
                    UNION ALL
                    SELECT j.code, b.branch FROM jurisdiction j JOIN branch b ON j.parent = b.code
                ), placed AS (
                    SELECT code, branch FROM branch UNION ALL SELECT ?, ?
                )
                SELECT p.branch,
                       sum((v.content #>> '{applications,newReceived,total}')::numeric),
                       sum((v.content #>> '{applications,carriedOver,total}')::numeric),
                       sum((v.content #>> '{applications,totalProcessed,total}')::numeric),
                       sum((v.content #>> '{applications,carriedForward,total}')::numeric)
                FROM report r
                JOIN report_version v ON v.report_id = r.id AND v.number = r.latest_version
                JOIN agency a ON a.code = r.agency_code
                JOIN placed p ON p.code = a.jurisdiction
                WHERE r.year = ?
                GROUP BY p.branch""";
        DemoSettings s = demo.settings();
        try (Connection c = DriverManager.getConnection(REPORTING_DB, "ogi", "ogi");
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int year = s.fromYear(); year <= s.toYear(); year++) {
                Map<String, List<BigDecimal>> bySql = groupBy(statement, year);
                Map<String, List<BigDecimal>> byStats = statsByChild(year);
                if (!bySql.equals(byStats)) {
                    throw new IllegalStateException(
                            "plain SQL and stats differ for " + year + ":\n  SQL   " + bySql + "\n  stats " + byStats);
                }
            }
            System.out.println("plain SQL GROUP BY equals stats' /applications by child for every year");
            long[] alone = new long[55];
            for (int i = 0; i < alone.length; i++) {
                long start = System.nanoTime();
                groupBy(statement, s.toYear());
                alone[i] = System.nanoTime() - start;
            }
            long[] measured = Arrays.copyOfRange(alone, 5, alone.length);
            Arrays.sort(measured);
            result(
                    "plain SQL GROUP BY over the latest versions, province by child, one connection",
                    String.format(
                            Locale.ROOT,
                            "p50 %.1f ms, p99 %.1f ms (%d runs)",
                            ms(measured, 0.50),
                            ms(measured, 0.99),
                            measured.length));
        }
        long[] concurrent = sqlConcurrently(sql, s.toYear());
        result("plain SQL GROUP BY, " + CLIENTS + " connections", latency(concurrent, MEASURE));
        long[] stats = concurrently(
                List.of(uri(
                        "applications",
                        Map.of("jurisdiction", province(), "year", String.valueOf(s.toYear()), "groupBy", "child"))),
                MEASURE,
                Map.of());
        result(
                "/stats/applications province by child, " + CLIENTS + " clients (same aggregate)",
                latency(stats, MEASURE));
    }

    private Map<String, List<BigDecimal>> groupBy(PreparedStatement statement, int year) throws Exception {
        statement.setString(1, province());
        statement.setString(2, province());
        statement.setString(3, province());
        statement.setInt(4, year);
        Map<String, List<BigDecimal>> rows = new TreeMap<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                List<BigDecimal> sums = new ArrayList<>();
                for (int column = 2; column <= 5; column++) {
                    sums.add(rs.getBigDecimal(column).stripTrailingZeros());
                }
                rows.put(rs.getString(1).trim(), sums);
            }
        }
        return rows;
    }

    private Map<String, List<BigDecimal>> statsByChild(int year) throws Exception {
        JsonNode answer = JSON.readTree(get(uri(
                        "applications",
                        Map.of("jurisdiction", province(), "year", String.valueOf(year), "groupBy", "child")))
                .body());
        Map<String, List<BigDecimal>> rows = new TreeMap<>();
        for (JsonNode row : answer.get("rows")) {
            List<BigDecimal> sums = new ArrayList<>();
            for (String metric : List.of("newReceived", "carriedOver", "totalProcessed", "carriedForward")) {
                sums.add(row.get(metric).decimalValue().stripTrailingZeros());
            }
            if (sums.stream().anyMatch(v -> v.signum() != 0)) {
                rows.put(row.get("key").asText(), sums);
            }
        }
        return rows;
    }

    /** The GROUP BY from CLIENTS connections for MEASURE. */
    private long[] sqlConcurrently(String sql, int year) throws Exception {
        return measure(MEASURE, () -> {
            Connection connection = DriverManager.getConnection(REPORTING_DB, "ogi", "ogi");
            PreparedStatement statement = connection.prepareStatement(sql);
            return new Client() {
                @Override
                public void request() throws Exception {
                    groupBy(statement, year);
                }

                @Override
                public void close() throws Exception {
                    statement.close();
                    connection.close();
                }
            };
        });
    }

    // --- freshness under a steady submission rate -----------------------------------------------------------------

    /**
     * STEADY_RATE corrections a second for STEADY, paced (not a burst), of the last year's reports, cycling
     * through the agencies (the same report is corrected again only after a whole cycle); each adds one
     * application. Samples the lag in events every 500 ms, and for every 10th correction the time from its 202
     * until stats shows the agency's new newReceived ({@code groupBy=agency} of its jurisdiction).
     */
    private void freshnessUnderSteadyLoad() throws Exception {
        int year = demo.settings().toYear();
        List<Submission> ofYear = demo.submissions(year);
        Map<String, String> jurisdictionOf = new HashMap<>();
        demo.agencies().forEach(a -> jurisdictionOf.put(a.code(), a.jurisdiction()));
        Set<String> counties = demo.jurisdictions().stream()
                .filter(j -> j.level().equals("county"))
                .map(Jurisdiction::code)
                .collect(Collectors.toSet());
        String submitter = platform.token(Roles.SUBMITTER, province(), "stats-benchmark-steady");
        ConcurrentLinkedQueue<Double> visibility = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Future<?>> watched = new ConcurrentLinkedQueue<>();
        List<Long> lags = new ArrayList<>();
        List<Long> backlogs = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        ExecutorService watchers = Executors.newFixedThreadPool(2);
        int total = (int) (STEADY_RATE * STEADY.toSeconds());
        long periodNanos = 1_000_000_000L / STEADY_RATE;
        long start = System.nanoTime();
        long nextLagSample = start;
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            while (System.nanoTime() < due) {
                if (System.nanoTime() >= nextLagSample) {
                    lags.add(lag());
                    backlogs.add((long) Reports.outboxBacklog());
                    nextLagSample += 500_000_000L;
                }
                TimeUnit.NANOSECONDS.sleep(Math.max(0, Math.min(due - System.nanoTime(), 20_000_000L)));
            }
            String agency = ofYear.get(i % ofYear.size()).report().agencyCode();
            int n = i;
            sent.add(senders.submit(() -> {
                AnnualReport corrected = correct(latest(agency, year), n);
                submit(submitter, corrected);
                long accepted = System.nanoTime();
                // Watch a county agency's row: groupBy=agency over a county is small, so watching costs little.
                if (n % 10 == 0 && counties.contains(jurisdictionOf.get(agency))) {
                    long target = corrected
                            .cells()
                            .value("applications.newReceived.total")
                            .orElseThrow()
                            .longValue();
                    watched.add(watchers.submit(() ->
                            visibility.add(awaitVisible(jurisdictionOf.get(agency), agency, year, target, accepted))));
                }
                return null;
            }));
        }
        for (Future<?> correction : sent) {
            correction.get();
        }
        double sending = seconds(start);
        long drainStart = System.nanoTime();
        awaitNoLag(Duration.ofMinutes(10));
        double drain = seconds(drainStart);
        senders.shutdown();
        watchers.shutdown();
        watchers.awaitTermination(5, TimeUnit.MINUTES);
        for (Future<?> watcher : watched) {
            watcher.get(); // a watcher that failed fails the benchmark instead of dropping its sample
        }

        long[] lagSamples = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] backlogSamples =
                backlogs.stream().mapToLong(Long::longValue).sorted().toArray();
        double[] seen =
                visibility.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        result(
                String.format(Locale.ROOT, "steady load: %d corrections/s for %d s", STEADY_RATE, STEADY.toSeconds()),
                String.format(Locale.ROOT, "%d sent, %.1f /s achieved", total, total / sending));
        result(
                "freshness lag in change-feed events, sampled every 0.5 s",
                String.format(
                        Locale.ROOT,
                        "p50 %d, p99 %d, max %d (%d samples)",
                        at(lagSamples, 0.50),
                        at(lagSamples, 0.99),
                        lagSamples[lagSamples.length - 1],
                        lagSamples.length));
        result(
                "intake's outbox backlog (accepted, not yet delivered to reporting-service), every 0.5 s",
                String.format(
                        Locale.ROOT,
                        "p50 %d, p99 %d, max %d",
                        at(backlogSamples, 0.50),
                        at(backlogSamples, 0.99),
                        backlogSamples[backlogSamples.length - 1]));
        result(
                "from 202 at intake to the agency's new numbers in /stats (every 10th correction)",
                String.format(
                        Locale.ROOT,
                        "p50 %.2f s, p99 %.2f s, max %.2f s (%d measured)",
                        at(seen, 0.50),
                        at(seen, 0.99),
                        seen[seen.length - 1],
                        seen.length));
        result("lag back to 0 after the last correction was accepted", String.format(Locale.ROOT, "%.1f s", drain));
    }

    /** The report's latest version as reporting-service holds it (earlier runs may have corrected it). */
    private AnnualReport latest(String agency, int year) throws Exception {
        JsonNode view = JSON.readTree(
                get(URI.create("http://localhost:" + Platform.REPORTING + "/api/v1/reports/" + agency + "/" + year))
                        .body());
        return ReportJson.standard()
                .read(view.get("report"), ReadMode.PUBLISHED)
                .report();
    }

    private static AnnualReport correct(AnnualReport report, int n) {
        BigDecimal received =
                report.cells().value("applications.newReceived.naturalPerson").orElse(BigDecimal.ZERO);
        BigDecimal granted =
                report.cells().value("applications.granted.naturalPerson").orElse(BigDecimal.ZERO);
        return ReportBuilder.from(report)
                .correctionReason("benchmark correction " + n)
                .applications("newReceived", "naturalPerson", received.longValue() + 1)
                .applications("granted", "naturalPerson", granted.longValue() + 1)
                .withComputedTotals()
                .build();
    }

    private void submit(String token, AnnualReport report) throws Exception {
        HttpRequest request = request(URI.create("http://localhost:" + Platform.INTAKE + "/api/v1/submissions"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Reports.json(report))))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("correction answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Seconds from {@code accepted} until the agency's newReceived in stats reaches the target (at most 5 minutes). */
    private double awaitVisible(String jurisdiction, String agency, int year, long target, long accepted)
            throws Exception {
        URI byAgency = uri(
                "applications",
                Map.of("jurisdiction", jurisdiction, "year", String.valueOf(year), "groupBy", "agency"));
        long deadline = accepted + Duration.ofMinutes(5).toNanos();
        while (true) {
            for (JsonNode row : JSON.readTree(get(byAgency).body()).get("rows")) {
                if (row.get("key").asText().equals(agency)
                        && row.get("newReceived").asLong() >= target) {
                    return seconds(accepted);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(agency + " never reached newReceived " + target + " in stats");
            }
            Thread.sleep(250);
        }
    }

    private long lag() throws Exception {
        return JSON.readTree(get(URI.create("http://localhost:" + Platform.STATS + "/api/v1/stats/freshness?live=true"))
                        .body())
                .get("lag")
                .asLong();
    }

    private void awaitNoLag(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lag() != 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stats did not catch up within " + timeout);
            }
            Thread.sleep(200);
        }
    }

    // --- plumbing ------------------------------------------------------------------------------------------------

    private String province() {
        return demo.settings().provinceCode();
    }

    private URI uri(String query, Map<String, String> params) {
        StringBuilder uri = new StringBuilder("http://localhost:" + Platform.STATS + "/api/v1/stats/" + query);
        char separator = '?';
        for (Map.Entry<String, String> p : new TreeMap<>(params).entrySet()) {
            uri.append(separator).append(p.getKey()).append('=').append(p.getValue());
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + admin)
                .timeout(Duration.ofMinutes(2));
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        HttpResponse<String> response = http.send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private void result(String measure, String value) {
        String line = "| " + measure + " | " + value + " |";
        System.out.println(line);
        results.add(line);
    }

    private static String latency(long[] sorted, Duration over) {
        return String.format(
                Locale.ROOT,
                "%.0f /s, p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests)",
                sorted.length / (double) over.toSeconds(),
                ms(sorted, 0.50),
                ms(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6,
                sorted.length);
    }

    private static double ms(long[] sorted, double quantile) {
        return at(sorted, quantile) / 1e6;
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
