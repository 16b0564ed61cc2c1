package cn.ogi.e2e.bench;

import cn.ogi.demo.Demo;
import cn.ogi.demo.DemoLoader;
import cn.ogi.demo.DemoProvince;
import cn.ogi.demo.DemoSettings;
import cn.ogi.e2e.Platform;
import cn.ogi.e2e.console.Browser;
import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How fast the console draws the overview of a demo province's root in a real browser (headless Debian Chromium):
 * a provincial supervisor signs in (dev sign-in), then the overview of the last year is opened {@code --loads}
 * times (20 by default, after two warm-up loads, the first of which starts with an empty cache); each load is timed
 * from the navigation's start to "fully drawn" — every tile, chart and table drawn from the public APIs, which the
 * page marks with {@code body[data-drawn-at]} (ms since navigation start). Run with
 * {@code deploy/bench/console [--small|--standard|--full] [--skip-load] [--loads N] [--json FILE]}; loopback only.
 */
public final class ConsoleBenchmark {

    static final double TARGET_P95_MS = 1000;
    private static final Duration DRAWN = Duration.ofSeconds(60);

    private final Platform platform = Platform.get();
    private final String admin = platform.token(Roles.ADMIN, null, "console-benchmark");
    private final Demo demo;

    ConsoleBenchmark(DemoSettings settings) {
        demo = DemoProvince.generate(settings);
    }

    /** Arguments: the demo-province knobs, {@code --skip-load}, {@code --loads N}, {@code --json FILE}. */
    public static void main(String[] args) throws Exception {
        DemoSettings.Parsed parsed = DemoSettings.parse(DemoSettings.standard(), args);
        List<String> rest = parsed.rest();
        int loads = Integer.parseInt(option(rest, "--loads", "20"));
        String json = option(rest, "--json", null);
        try {
            new ConsoleBenchmark(parsed.settings()).run(!rest.contains("--skip-load"), loads, json);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the shutdown hook stops the three services
        }
        System.exit(0);
    }

    void run(boolean load, int loads, String jsonFile) throws Exception {
        DemoSettings s = demo.settings();
        String province = s.provinceCode();
        System.out.printf(
                Locale.ROOT,
                "demo province: %d jurisdictions, %d agencies, %d reports %d–%d; machine: %d cores%n",
                demo.jurisdictions().size(),
                demo.agencies().size(),
                demo.submissions().size(),
                s.fromYear(),
                s.toYear(),
                Runtime.getRuntime().availableProcessors());
        if (load) {
            Instant start = Instant.now();
            new DemoLoader(
                            URI.create("http://localhost:" + Platform.INTAKE),
                            URI.create("http://localhost:" + Platform.REPORTING),
                            admin,
                            2000,
                            Duration.ofHours(1))
                    .load(demo);
            System.out.printf(
                    "loaded through intake in %d s%n",
                    Duration.between(start, Instant.now()).toSeconds());
        }
        Platform.await("stats to apply the whole change feed", Duration.ofMinutes(30), () -> {
            Response f =
                    Platform.as(Platform.STATS, admin).queryParam("live", true).get("/api/v1/stats/freshness");
            return f.statusCode() == 200 && f.jsonPath().getLong("lag") == 0;
        });

        Path shots = Path.of(System.getProperty("ogi.root.dir", ".")).resolve("end-to-end-tests/target/console-bench");
        String overview = Platform.CONSOLE_ORIGIN + "/dashboard/overview/" + province + "/" + s.toYear();
        List<Map<String, Object>> measured = new ArrayList<>();
        Map<String, Object> firstLoad;
        try (Browser browser = Browser.start(shots)) {
            browser.open(Platform.CONSOLE_ORIGIN + "/dashboard/signin?role=supervisor&jurisdiction=" + province
                    + "&name=" + URLEncoder.encode("基准测试", StandardCharsets.UTF_8));
            browser.await(
                    "the sign-in form",
                    DRAWN,
                    d -> "ready".equals(browser.script("return document.body.dataset.state")));
            browser.find("#dev-submit").click();
            browser.await("the first overview", DRAWN, d -> browser.url().contains("/dashboard/overview/"));
            firstLoad = null;
            for (int i = -2; i < loads; i++) {
                if (i == -2) {
                    browser.clearCache();
                }
                Map<String, Object> one = loadOnce(browser, overview);
                if (i == -2) {
                    firstLoad = one;
                }
                if (i >= 0) {
                    measured.add(one);
                    System.out.printf(
                            Locale.ROOT,
                            "load %2d: %6.1f ms drawn (html %.0f, scripts %.0f, API %.0f–%.0f, slowest %.0f),"
                                    + " %s API requests%n",
                            i + 1,
                            (Double) one.get("drawnMs"),
                            (Double) one.get("htmlMs"),
                            (Double) one.get("scriptsMs"),
                            (Double) one.get("firstApiMs"),
                            (Double) one.get("lastApiMs"),
                            (Double) one.get("slowestApiMs"),
                            one.get("requests"));
                }
            }
            browser.screenshot("overview-" + province);
        }
        double[] ms = measured.stream()
                .mapToDouble(m -> (Double) m.get("drawnMs"))
                .sorted()
                .toArray();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("province", province);
        result.put("agencies", demo.agencies().size());
        result.put("reports", demo.submissions().size());
        result.put("year", s.toYear());
        result.put("loads", ms.length);
        result.put("p50Ms", percentile(ms, 50));
        result.put("p95Ms", percentile(ms, 95));
        result.put("maxMs", ms[ms.length - 1]);
        result.put("firstLoadMs", firstLoad.get("drawnMs"));
        result.put("apiRequestsPerLoad", measured.get(0).get("requests"));
        result.put("targetP95Ms", TARGET_P95_MS);
        result.put("withinTarget", percentile(ms, 95) <= TARGET_P95_MS);
        result.put("measuredAt", Instant.now().toString());
        result.put("samplesMs", Arrays.stream(ms).boxed().toList());
        result.put("phases", measured);
        System.out.println();
        System.out.println("| measure | result |");
        System.out.println("|---|---|");
        System.out.printf(
                Locale.ROOT,
                "| overview of %s %d fully drawn, %d loads | p50 %.0f ms, p95 %.0f ms, max %.0f ms |%n",
                province,
                s.toYear(),
                ms.length,
                percentile(ms, 50),
                percentile(ms, 95),
                ms[ms.length - 1]);
        System.out.printf(
                Locale.ROOT, "| first load (empty browser cache) | %.0f ms |%n", (Double) firstLoad.get("drawnMs"));
        System.out.printf(
                Locale.ROOT, "| API requests per load | %s |%n", measured.get(0).get("requests"));
        System.out.printf(
                "| p95 ≤ %.0f ms | %s |%n", TARGET_P95_MS, (Boolean) result.get("withinTarget") ? "yes" : "NO");
        if (jsonFile != null) {
            Files.writeString(
                    Path.of(jsonFile),
                    new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(result));
            System.out.println("written to " + jsonFile);
        }
    }

    /** One navigation to the overview until it is fully drawn: the page's own mark, and what it fetched. */
    private static Map<String, Object> loadOnce(Browser browser, String url) {
        browser.open("about:blank");
        browser.open(url);
        browser.await(
                "the overview to be drawn",
                DRAWN,
                d -> browser.script("return document.body.dataset.drawnAt || null") != null);
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("drawnMs", Double.parseDouble((String) browser.script("return document.body.dataset.drawnAt")));
        @SuppressWarnings("unchecked")
        Map<String, Object> phases = (Map<String, Object>) browser.script("""
                const n = performance.getEntriesByType('navigation')[0];
                const api = performance.getEntriesByType('resource').filter(e => e.name.includes('/api/v1/'));
                const mark = name => { const m = performance.getEntriesByName(name, 'mark')[0]; return m ? m.startTime : null; };
                const echarts = performance.getEntriesByType('resource').find(e => e.name.includes('echarts'));
                return {answersMs: mark('ogi:answers'), echartsReadyMs: mark('ogi:echarts-ready'),
                        chartsDrawnMs: mark('ogi:charts-drawn'), echartsFetchedMs: echarts ? echarts.responseEnd : null,
                        requests: api.length, htmlMs: n.responseEnd, scriptsMs: n.domContentLoadedEventEnd,
                        firstApiMs: Math.min(...api.map(e => e.startTime)),
                        lastApiMs: Math.max(...api.map(e => e.responseEnd)),
                        slowestApiMs: Math.max(...api.map(e => e.duration))};""");
        phases.forEach((k, v) -> one.put(k, v instanceof Number n && !k.equals("requests") ? n.doubleValue() : v));
        return one;
    }

    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String option(List<String> rest, String name, String fallback) {
        int i = rest.indexOf(name);
        return i >= 0 && i + 1 < rest.size() ? rest.get(i + 1) : fallback;
    }
}
