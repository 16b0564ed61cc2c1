package cn.ogi.e2e.bench;

import cn.ogi.demo.DemoCountry;
import cn.ogi.demo.DemoFeed;
import cn.ogi.demo.DemoSettings;
import cn.ogi.demo.Jurisdiction;
import cn.ogi.e2e.Platform;
import cn.ogi.e2e.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The national scale: the demo country ({@link DemoCountry}, 31 provinces, ≈ 300,000 agencies, ten years) written
 * once as a change feed on disk (kept for later runs), served in place of reporting-service ({@link FeedServer},
 * on reporting-service's port, the other services stopped), and consumed by a stats-service started on an empty
 * database — the time until it has applied the whole feed is the rebuild of the national read model — then the
 * same query mix as the province's, over every node of the country.
 */
final class NationalBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Platform platform;
    private final QueryLoad load;
    private final Path feeds;
    private final BiConsumer<String, String> result;
    private final Duration warmUp;
    private final Duration measure;

    NationalBenchmark(
            Platform platform,
            QueryLoad load,
            Path feeds,
            BiConsumer<String, String> result,
            Duration warmUp,
            Duration measure) {
        this.platform = platform;
        this.load = load;
        this.feeds = feeds;
        this.result = result;
        this.warmUp = warmUp;
        this.measure = measure;
    }

    /** Runs it; the figures of --json's "national" object. */
    Map<String, Object> run() throws Exception {
        DemoSettings shape = DemoSettings.countryProvince();
        // -Dogi.bench.provinces=37,44: the same shape for some provinces only, for a quicker look
        List<Integer> provinces = System.getProperty("ogi.bench.provinces") == null
                ? DemoCountry.PROVINCES
                : Arrays.stream(System.getProperty("ogi.bench.provinces").split(","))
                        .map(String::strip)
                        .map(Integer::valueOf)
                        .toList();
        boolean whole = provinces.equals(DemoCountry.PROVINCES);
        result.accept("demo country", whole ? DemoCountry.describe(shape) : "provinces " + provinces + " of its shape");
        Path dir = feeds.resolve("country-" + shape.fingerprint()
                + (whole
                        ? ""
                        : "-"
                                + String.join(
                                        "-",
                                        provinces.stream().map(String::valueOf).toList())));
        if (DemoFeed.properties(dir).getProperty("events") == null) {
            long started = System.nanoTime();
            DemoCountry.Written written = DemoCountry.writeFeed(shape, provinces, dir);
            result.accept(
                    "country change feed written (once per machine)",
                    String.format(Locale.ROOT, "%s in %.0f s", written, seconds(started)));
        } else {
            result.accept(
                    "country change feed (written by an earlier run)",
                    DemoFeed.properties(dir).toString());
        }
        List<Jurisdiction> nodes = DemoCountry.jurisdictions(shape, provinces);
        platform.stop();
        Map<String, Object> national = new LinkedHashMap<>();
        try (FeedServer feed = new FeedServer(dir, Platform.REPORTING)) {
            ServiceProcess stats = platform.statsAlone(
                    "http://localhost:" + Platform.REPORTING,
                    Map.of(),
                    List.of(System.getProperty(
                                    "ogi.jvm.national-stats", "-Xmx4g -Dstats.answer-cache.max-bytes=1610612736")
                            .split("\\s+")));
            try (RssSampler rss = new RssSampler(stats.pid())) {
                long deadline = System.nanoTime() + Duration.ofMinutes(45).toNanos();
                long applied = 0;
                long lastReport = System.nanoTime();
                while (applied < feed.latestSeq()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("stats applied only " + applied + " of " + feed.latestSeq()
                                + " events of the country in 45 minutes");
                    }
                    Thread.sleep(1000);
                    applied = freshness().get("lastAppliedSeq").asLong();
                    if (System.nanoTime() - lastReport > 60_000_000_000L) {
                        System.out.printf(
                                Locale.ROOT,
                                "national: %d of %d events applied, %.0f s%n",
                                applied,
                                feed.latestSeq(),
                                seconds(feed.firstRequestNanos()));
                        lastReport = System.nanoTime();
                    }
                }
                double rebuild = seconds(feed.firstRequestNanos());
                double statsCpu = CpuTime.of(stats.pid());
                double databaseCpu = CpuTime.ofBackends(Platform.jdbcUrl("stats"));
                national.put("rebuildSeconds", Math.round(rebuild));
                national.put(
                        "rebuildCpuSeconds",
                        Map.of("stats-service", Math.round(statsCpu), "postgresql", Math.round(databaseCpu)));
                result.accept(
                        "CPU used by the rebuild (the machine may be shared: read as a cost)",
                        String.format(
                                Locale.ROOT,
                                "stats-service %.0f s, PostgreSQL (stats' connections) %.0f s: %.0f events per CPU second",
                                statsCpu,
                                databaseCpu,
                                feed.latestSeq() / Math.max(1, statsCpu + databaseCpu)));
                result.accept(
                        "national read model from an empty database through stats' consumer (rebuild)",
                        String.format(
                                Locale.ROOT,
                                "%.0f s for %d events (%.0f events/s), RSS max %d MiB",
                                rebuild,
                                feed.latestSeq(),
                                feed.latestSeq() / rebuild,
                                rss.maxMb()));
                national.put("diskMB", disk());
                national.put("loadRssMaxMB", rss.maxMb());
                rss.reset();
                national.put(
                        "queries",
                        load.allQueries(
                                "national ",
                                nodes,
                                shape.fromYear(),
                                shape.toYear(),
                                stats.pid(),
                                warmUp,
                                measure,
                                result));
                national.put("rssMaxMB", Map.of("stats-service", rss.maxMb()));
                result.accept("national stats-service RSS under the query load", rss.maxMb() + " MiB");
            } finally {
                stats.stop();
            }
        }
        return national;
    }

    /** The stats database's size on disk in MiB, and its largest tables (printed). */
    private long disk() throws Exception {
        try (Connection c = DriverManager.getConnection(Platform.jdbcUrl("stats"), "ogi", "ogi");
                Statement s = c.createStatement()) {
            StringBuilder tables = new StringBuilder();
            try (ResultSet rs = s.executeQuery("""
                    SELECT relname, pg_total_relation_size(c.oid) FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = current_schema() AND c.relkind = 'r'
                    ORDER BY 2 DESC LIMIT 6""")) {
                while (rs.next()) {
                    tables.append(String.format(Locale.ROOT, "%s %d MiB, ", rs.getString(1), rs.getLong(2) >> 20));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
                rs.next();
                long mb = rs.getLong(1) >> 20;
                result.accept("national read model on disk (database stats)", mb + " MiB: " + tables + "…");
                return mb;
            }
        }
    }

    private JsonNode freshness() throws Exception {
        return JSON.readTree(load.get(URI.create("http://localhost:" + Platform.STATS + "/api/v1/stats/freshness"))
                .body());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
