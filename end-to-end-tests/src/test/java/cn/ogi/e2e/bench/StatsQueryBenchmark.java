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
import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Measures stats-service over a demo province loaded through intake (the real path), with all three
 * services and PostgreSQL on this machine: the latency of every stats query at 32 concurrent clients,
 * the same aggregate computed by a plain SQL GROUP BY over the latest versions in reporting-service's
 * database (checked equal to stats' answer first), stats' resident memory under that load, and how far stats
 * trails a steady stream of submissions; with {@code --country} also the national scale ({@link
 * NationalBenchmark}). Run with {@code deploy/bench/stats [--standard|--full|--small] [--country]
 * [--json FILE]}; loopback only, every loop bounded in time and count.
 */
public final class StatsQueryBenchmark {

    static final Duration WARM_UP = Duration.ofSeconds(5);
    static final Duration MEASURE = Duration.ofSeconds(20);
    static final int STEADY_RATE = 10;
    static final Duration STEADY = Duration.ofSeconds(60);
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String REPORTING_DB = Platform.jdbcUrl("reporting");

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final DemoSettings settings;
    private final Options options;
    private final List<String> results = new ArrayList<>();
    /** The figures of --json, in the order of the shape. */
    private final Map<String, Object> figures = new LinkedHashMap<>();

    private Platform platform;
    private String admin;
    private QueryLoad load;
    private Demo demo;

    /** What the command line asked for besides the province's knobs. */
    record Options(boolean load, boolean province, boolean country, Path json, Path feeds) {
        static Options parse(List<String> args) {
            boolean load = true;
            boolean province = true;
            boolean country = false;
            Path json = null;
            Path feeds = Path.of(System.getProperty("ogi.root.dir", "."), "end-to-end-tests/target/national-feed");
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--skip-load" -> load = false;
                    case "--country" -> country = true;
                    case "--country-only" -> {
                        country = true;
                        province = false;
                    }
                    case "--json" -> json = Path.of(value(args, ++i));
                    case "--feed-dir" -> feeds = Path.of(value(args, ++i));
                    default ->
                        throw new IllegalArgumentException("unknown option " + args.get(i)
                                + "; known: the demo-province knobs, --skip-load, --country, --country-only, --json FILE,"
                                + " --feed-dir DIR");
                }
            }
            return new Options(load, province, country, json, feeds);
        }

        private static String value(List<String> args, int i) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(args.get(i - 1) + " needs a value");
            }
            return args.get(i);
        }
    }

    StatsQueryBenchmark(DemoSettings settings, Options options) {
        this.settings = settings;
        this.options = options;
    }

    /**
     * Arguments: the demo-province knobs ({@code --full}, {@code --standard}, …), {@code --skip-load},
     * {@code --country} (then the national scale too; {@code --country-only}: that alone), {@code --json FILE},
     * {@code --feed-dir DIR} (where the country's change feed is kept between runs).
     */
    public static void main(String[] args) throws Exception {
        try {
            DemoSettings.Parsed parsed = DemoSettings.parse(DemoSettings.standard(), args);
            new StatsQueryBenchmark(parsed.settings(), Options.parse(parsed.rest())).run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the shutdown hook stops the services; client threads must not keep us alive
        }
        System.exit(0);
    }

    void run() throws Exception {
        System.out.printf(
                "machine: %d cores, %d MiB max heap for this client%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        platform = options.province() ? Platform.get() : Platform.unstarted();
        admin = platform.token(Roles.ADMIN, null, "stats-benchmark");
        load = new QueryLoad(http, admin, Platform.STATS);
        if (options.province()) {
            provincePhase();
        }
        if (options.country()) {
            figures.put(
                    "national",
                    new NationalBenchmark(platform, load, options.feeds(), this::result, WARM_UP, MEASURE).run());
        }
        System.out.println();
        System.out.println("| measure | result |");
        System.out.println("|---|---|");
        results.forEach(System.out::println);
        if (options.json() != null) {
            JSON.writerWithDefaultPrettyPrinter().writeValue(options.json().toFile(), figures);
            System.out.println("figures written to " + options.json());
        }
    }

    private void provincePhase() throws Exception {
        demo = DemoProvince.generate(settings);
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
        if (options.load()) {
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

        try (RssSampler rss = new RssSampler(platform.statsPid())) {
            Map<String, Object> queries = load.allQueries(
                    "",
                    demo.jurisdictions(),
                    settings.fromYear(),
                    settings.toYear(),
                    platform.statsPid(),
                    WARM_UP,
                    MEASURE,
                    this::result);
            URI provinceByChild = provinceByChild(settings.toYear());
            String etag = load.get(provinceByChild).headers().firstValue("ETag").orElseThrow();
            QueryLoad.Measured revalidation = load.measured(
                    List.of(provinceByChild), MEASURE, Map.of("If-None-Match", etag), platform.statsPid());
            Latencies revalidated = revalidation.latencies();
            result("/stats/applications province by child, If-None-Match → 304", revalidation.toString());
            figures.put("queries", queries);
            figures.put("revalidateP99Ms", Latencies.round(revalidated.p99Ms()));
            compareWithPlainSql();
            figures.put("rssMaxMB", Map.of("stats-service", rss.maxMb()));
            result("stats-service RSS, max while the queries ran (32 clients)", rss.maxMb() + " MiB");
        }
        freshnessUnderSteadyLoad();
    }

    private URI provinceByChild(int year) {
        return load.uri(
                "applications", Map.of("jurisdiction", province(), "year", String.valueOf(year), "groupBy", "child"));
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
                            Latencies.at(measured, 0.50) / 1e6,
                            Latencies.at(measured, 0.99) / 1e6,
                            measured.length));
        }
        Latencies sql32 = new Latencies(sqlConcurrently(sql, s.toYear()), MEASURE);
        result("plain SQL GROUP BY, " + QueryLoad.CLIENTS + " connections", sql32.toString());
        QueryLoad.Measured same =
                load.measured(List.of(provinceByChild(s.toYear())), MEASURE, Map.of(), platform.statsPid());
        Latencies stats = same.latencies();
        result(
                "/stats/applications province by child, " + QueryLoad.CLIENTS + " clients (same aggregate)",
                same.toString());
        figures.put("sqlP50Ms", Latencies.round(sql32.p50Ms()));
        figures.put("statsVsSqlRatio", Latencies.round(sql32.p50Ms() / stats.p50Ms()));
        result(
                "plain SQL p50 / stats p50, same aggregate, same run",
                String.format(Locale.ROOT, "%.0f×", sql32.p50Ms() / stats.p50Ms()));
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
        JsonNode answer = JSON.readTree(load.get(provinceByChild(year)).body());
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
        return QueryLoad.measure(MEASURE, () -> {
            Connection connection = DriverManager.getConnection(REPORTING_DB, "ogi", "ogi");
            PreparedStatement statement = connection.prepareStatement(sql);
            return new QueryLoad.Client() {
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
                AnnualReport corrected = ProvinceRun.correct(latest(agency, year), n);
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
        JsonNode view = JSON.readTree(load.get(
                        URI.create("http://localhost:" + Platform.REPORTING + "/api/v1/reports/" + agency + "/" + year))
                .body());
        return ReportJson.standard()
                .read(view.get("report"), ReadMode.PUBLISHED)
                .report();
    }

    private void submit(String token, AnnualReport report) throws Exception {
        HttpRequest request = load.request(URI.create("http://localhost:" + Platform.INTAKE + "/api/v1/submissions"))
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
        URI byAgency = load.uri(
                "applications",
                Map.of("jurisdiction", jurisdiction, "year", String.valueOf(year), "groupBy", "agency"));
        long deadline = accepted + Duration.ofMinutes(5).toNanos();
        while (true) {
            for (JsonNode row : JSON.readTree(load.get(byAgency).body()).get("rows")) {
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
        return JSON.readTree(
                        load.get(URI.create("http://localhost:" + Platform.STATS + "/api/v1/stats/freshness?live=true"))
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

    private void result(String measure, String value) {
        String line = "| " + measure + " | " + value + " |";
        System.out.println(line);
        results.add(line);
    }

    private static long at(long[] sorted, double quantile) {
        return Latencies.at(sorted, quantile);
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
