package cn.ogi.e2e.bench;

import cn.ogi.demo.Agency;
import cn.ogi.demo.Demo;
import cn.ogi.demo.DemoLoader;
import cn.ogi.demo.DemoProvince;
import cn.ogi.demo.Jurisdiction;
import cn.ogi.demo.Submission;
import cn.ogi.e2e.Platform;
import cn.ogi.e2e.Reports;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import cn.ogi.progress.Progress;
import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The province figures: a demo province loaded through intake's NDJSON batches (the demo loader: the registry, then
 * year by year in batches, waiting for delivery after each year), the time until stats has applied the whole feed;
 * then freshness: a steady rate of corrections of the last year's reports, the time from each watched correction's
 * 202 until stats shows the agency's new number.
 */
final class ProvinceRun {

    /** Records a figure (name, value, what was measured) or a line of the table. */
    interface Figures {
        void put(String figure, double value, String measure);
    }

    interface Notes {
        void note(String measure, String value);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SENDERS = 8;

    private final Platform platform;
    private final HttpClient http;
    private final IntakeBenchmark.Preset preset;
    private final Figures figures;
    private final Notes notes;
    private final String admin;
    private Demo demo;
    private List<Correction> corrections;

    ProvinceRun(Platform platform, HttpClient http, IntakeBenchmark.Preset preset, Figures figures, Notes notes) {
        this.platform = platform;
        this.http = http;
        this.preset = preset;
        this.figures = figures;
        this.notes = notes;
        this.admin = platform.token(Roles.ADMIN, null, "intake-benchmark");
    }

    void load() throws Exception {
        demo = DemoProvince.generate(preset.province());
        notes.note(
                "demo province " + preset.province().provinceCode(),
                String.format(
                        Locale.ROOT,
                        "%d jurisdictions, %d agencies, %d reports %d–%d",
                        demo.jurisdictions().size(),
                        demo.agencies().size(),
                        demo.submissions().size(),
                        demo.settings().fromYear(),
                        demo.settings().toYear()));
        long start = System.nanoTime();
        new DemoLoader(
                        URI.create("http://localhost:" + Platform.INTAKE),
                        URI.create("http://localhost:" + Platform.REPORTING),
                        admin,
                        2000,
                        Duration.ofHours(1))
                .load(demo);
        figures.put(
                "provinceLoadSeconds",
                seconds(start),
                "province loaded through intake's batches and delivered, from the registry import on (s)");
        awaitNoLag(Duration.ofMinutes(30));
        figures.put("provinceVisibleSeconds", seconds(start), "every report applied by stats, from the same start (s)");
    }

    /** How many reports the demo province loads (0 before {@link #load}). */
    int reports() {
        return demo == null ? 0 : demo.submissions().size();
    }

    /**
     * A correction of the freshness phase, made before it starts: what is sent and by which sender (each agency's by
     * the same one, in order), and what stats must then show in the agency's jurisdiction.
     */
    private record Correction(
            String agency, String jurisdiction, int sender, String json, long newReceived, boolean watched) {}

    /**
     * Makes the freshness phase's corrections (each agency's in order, each on the one before) and encodes them, before
     * the phase's clock and CPU count start: on two shared cores, building and encoding a report with Jackson and
     * java.net.http cost this client ≈ 4–5 ms of CPU a submission — at 200/s nearly a core the services then lacked
     * (the single clients were changed the same way, docs/BENCHMARKS.md). Returns how many there are.
     */
    int prepareCorrections() throws Exception {
        int year = demo.settings().toYear();
        Map<String, AnnualReport> current = new LinkedHashMap<>();
        for (Submission s : demo.submissions(year)) {
            current.put(s.report().agencyCode(), s.report()); // the last one sent is the latest version
        }
        List<String> agencies = new ArrayList<>(current.keySet());
        Map<String, String> jurisdictionOf =
                demo.agencies().stream().collect(Collectors.toMap(Agency::code, Agency::jurisdiction));
        Set<String> counties = demo.jurisdictions().stream()
                .filter(j -> j.level().equals("county"))
                .map(Jurisdiction::code)
                .collect(Collectors.toSet());
        int total = (int) (preset.steadyRate() * preset.steady().toSeconds());
        corrections = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            int index = i % agencies.size();
            String agency = agencies.get(index);
            AnnualReport corrected = correct(current.get(agency), i);
            current.put(agency, corrected);
            corrections.add(new Correction(
                    agency,
                    jurisdictionOf.get(agency),
                    index % SENDERS,
                    JSON.writeValueAsString(Reports.json(corrected)),
                    corrected
                            .cells()
                            .value("applications.newReceived.total")
                            .orElseThrow()
                            .longValue(),
                    i % 10 == 0 && counties.contains(jurisdictionOf.get(agency))));
        }
        return total;
    }

    /** Sends the {@link #prepareCorrections prepared} corrections at the preset's steady rate and times them. */
    void freshness() throws Exception {
        if (corrections == null) {
            throw new IllegalStateException("prepareCorrections() first");
        }
        int year = demo.settings().toYear();
        String submitter = platform.token(Roles.SUBMITTER, preset.province().provinceCode(), "intake-benchmark-steady");
        // one sender per agency (by its index), so that an agency's corrections arrive in the order they were made
        List<ExecutorService> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            senders.add(Executors.newSingleThreadExecutor());
        }
        ExecutorService watchers = Executors.newFixedThreadPool(4);
        ConcurrentLinkedQueue<Double> visible = new ConcurrentLinkedQueue<>();
        List<Future<?>> watched = new ArrayList<>();
        List<Future<?>> sent = new ArrayList<>();
        int total = corrections.size();
        long period = 1_000_000_000L / preset.steadyRate();
        long start = System.nanoTime();
        Progress progress = Progress.onConsole("steady corrections", "sent", total);
        for (int i = 0; i < total; i++) {
            progress.update(i);
            long due = start + i * period;
            TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
            Correction correction = corrections.get(i);
            sent.add(senders.get(correction.sender()).submit(() -> {
                IntakeBenchmark.postSubmission(submitter, correction.json().getBytes(StandardCharsets.UTF_8));
                long accepted = System.nanoTime();
                if (correction.watched()) {
                    synchronized (watched) {
                        watched.add(watchers.submit(() -> visible.add(awaitVisible(
                                correction.jurisdiction(),
                                correction.agency(),
                                year,
                                correction.newReceived(),
                                accepted))));
                    }
                }
                return null;
            }));
        }
        for (Future<?> correction : sent) {
            correction.get();
        }
        progress.update(total);
        progress.finish();
        double sending = seconds(start);
        long lastAccepted = System.nanoTime();
        Reports.awaitOutboxEmpty(platform, Duration.ofMinutes(10));
        double outboxEmpty = seconds(lastAccepted);
        awaitNoLag(Duration.ofMinutes(10));
        double lagZero = seconds(lastAccepted);
        senders.forEach(ExecutorService::shutdown);
        watchers.shutdown();
        watchers.awaitTermination(10, TimeUnit.MINUTES);
        synchronized (watched) {
            for (Future<?> watcher : watched) {
                watcher.get(); // a watcher that failed fails the phase instead of dropping its sample
            }
        }
        double[] seen =
                visible.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        notes.note(
                String.format(
                        Locale.ROOT,
                        "steady corrections: %d/s for %d s",
                        preset.steadyRate(),
                        preset.steady().toSeconds()),
                String.format(Locale.ROOT, "%d sent, %.1f /s achieved", total, total / sending));
        notes.note(
                "after the last 202: outbox empty / stats' feed lag 0",
                String.format(Locale.ROOT, "%.1f s / %.1f s", outboxEmpty, lagZero));
        if (seen.length == 0) {
            throw new IllegalStateException("no correction of a county's agency was watched");
        }
        notes.note(
                "202 → visible in /stats (every 10th correction of a county's agency)",
                String.format(
                        Locale.ROOT,
                        "p50 %.2f s, max %.2f s (%d measured)",
                        at(seen, 0.50),
                        seen[seen.length - 1],
                        seen.length));
        figures.put("freshnessP99Seconds", at(seen, 0.99), "202 → visible in /stats, p99 (s)");
    }

    /** The report with one more application received and granted (a correction the benchmarks time). */
    static AnnualReport correct(AnnualReport report, int n) {
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

    /** Seconds from {@code accepted} until the agency's newReceived in stats reaches the target (at most 5 min). */
    private double awaitVisible(String jurisdiction, String agency, int year, long target, long accepted)
            throws Exception {
        URI byAgency = URI.create("http://localhost:" + Platform.STATS + "/api/v1/stats/applications?jurisdiction="
                + jurisdiction + "&year=" + year + "&groupBy=agency");
        long deadline = accepted + Duration.ofMinutes(5).toNanos();
        while (true) {
            for (JsonNode row : JSON.readTree(get(byAgency)).get("rows")) {
                if (row.get("key").asText().equals(agency)
                        && row.get("newReceived").asLong() >= target) {
                    return seconds(accepted);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(agency + " never reached newReceived " + target + " in stats");
            }
            Thread.sleep(100);
        }
    }

    /** Waits until stats' feed lag is 0; progress: the events applied of the lag there was when it began. */
    private void awaitNoLag(Duration timeout) throws Exception {
        URI freshness = URI.create("http://localhost:" + Platform.STATS + "/api/v1/stats/freshness?live=true");
        long deadline = System.nanoTime() + timeout.toNanos();
        long lag = JSON.readTree(get(freshness)).get("lag").asLong();
        Progress catchingUp = Progress.onConsole("stats catching up with the feed", "events", lag);
        while (lag != 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stats did not catch up within " + timeout);
            }
            Thread.sleep(100);
            lag = JSON.readTree(get(freshness)).get("lag").asLong();
            catchingUp.total(Math.max(catchingUp.snapshot().total(), lag)); // the feed may still grow
            catchingUp.update(catchingUp.snapshot().total() - lag);
        }
        catchingUp.finish();
    }

    private String get(URI uri) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + admin)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
