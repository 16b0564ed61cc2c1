package cn.ogi.reader.bench;

import cn.ogi.reader.PublishedReportReader;
import cn.ogi.reader.ReadHints;
import cn.ogi.reader.UnreadableReportException;
import cn.ogi.reader.render.GeneratedReport;
import cn.ogi.reader.render.Rendered;
import cn.ogi.reader.render.Renderer;
import cn.ogi.reader.render.Renderers;
import cn.ogi.reader.render.ReportGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How long the reader takes per published report, per form, on this machine: generated reports rendered in each
 * form (rendering is not timed), then read one after another on one thread after a warm-up, the time of each
 * {@code read} call taken. {@code deploy/bench/reader [--cases N] [--warmup N] [--seed S] [--json FILE]}.
 */
public final class ReaderBenchmark {

    /** The times of one form. */
    record FormTimes(String form, int cases, int refused, double p50, double p95, double p99, double max) {}

    public static void main(String[] args) throws IOException {
        int cases = Integer.parseInt(option(args, "--cases", "300"));
        int warmup = Integer.parseInt(option(args, "--warmup", "200"));
        long seed = Long.parseLong(option(args, "--seed", "20261201"));
        String json = option(args, "--json", null);
        List<Renderer> forms = Renderers.all();
        if (forms.stream().noneMatch(f -> f.name().equals("pdf"))) {
            System.out.println("no CJK TrueType font: the PDF form is not measured (install fonts-wqy-zenhei)");
        }
        PublishedReportReader reader = new PublishedReportReader();
        ReportGenerator generator = new ReportGenerator();
        Random warm = new Random(seed - 1);
        for (int i = 0; i < warmup; i++) {
            Renderer form = forms.get(i % forms.size());
            read(reader, generator.generate(seed - 1 - i), form, warm);
        }
        List<FormTimes> results = new ArrayList<>();
        System.out.printf(
                Locale.ROOT,
                "%-18s %6s %7s %9s %9s %9s %9s%n",
                "form",
                "cases",
                "refused",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms");
        for (Renderer form : forms) {
            long[] nanos = new long[cases];
            int refused = 0;
            Random rnd = new Random(seed);
            for (int i = 0; i < cases; i++) {
                long t = read(reader, generator.generate(seed + i), form, rnd);
                refused += t < 0 ? 1 : 0;
                nanos[i] = Math.abs(t);
            }
            Arrays.sort(nanos);
            FormTimes r = new FormTimes(
                    form.name(),
                    cases,
                    refused,
                    ms(nanos, 0.50),
                    ms(nanos, 0.95),
                    ms(nanos, 0.99),
                    nanos[cases - 1] / 1e6);
            results.add(r);
            System.out.printf(
                    Locale.ROOT,
                    "%-18s %6d %7d %9.1f %9.1f %9.1f %9.1f%n",
                    r.form(),
                    r.cases(),
                    r.refused(),
                    r.p50(),
                    r.p95(),
                    r.p99(),
                    r.max());
        }
        if (json != null) {
            Files.writeString(Path.of(json), json(results, seed), StandardCharsets.UTF_8);
            System.out.println("written to " + json);
        }
    }

    /** The nanoseconds of one read, negative when the reader refused the source. */
    private static long read(PublishedReportReader reader, GeneratedReport report, Renderer form, Random rnd) {
        Rendered rendered = form.render(report, rnd);
        long start = System.nanoTime();
        try {
            reader.read(rendered.source(), new ReadHints(null, report.truth().year()));
            return System.nanoTime() - start;
        } catch (UnreadableReportException e) {
            return -(System.nanoTime() - start);
        }
    }

    private static double ms(long[] sorted, double q) {
        int at = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, at))] / 1e6;
    }

    private static String json(List<FormTimes> results, long seed) {
        StringBuilder sb = new StringBuilder("{\"benchmark\": \"reader\", \"seed\": " + seed + ", \"forms\": [");
        for (int i = 0; i < results.size(); i++) {
            FormTimes r = results.get(i);
            sb.append(i == 0 ? "\n  " : ",\n  ")
                    .append(String.format(
                            Locale.ROOT,
                            "{\"form\": \"%s\", \"cases\": %d, \"refused\": %d, \"p50Ms\": %.2f, \"p95Ms\": %.2f, "
                                    + "\"p99Ms\": %.2f, \"maxMs\": %.2f}",
                            r.form(),
                            r.cases(),
                            r.refused(),
                            r.p50(),
                            r.p95(),
                            r.p99(),
                            r.max()));
        }
        return sb.append("\n]}\n").toString();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
