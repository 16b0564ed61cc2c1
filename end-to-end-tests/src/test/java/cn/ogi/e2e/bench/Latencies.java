package cn.ogi.e2e.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The latencies (ns, sorted) of the answers one measurement got in its duration. */
// Sorted once and only read; never compared.
@SuppressWarnings("ArrayRecordComponent")
record Latencies(long[] sorted, Duration over) {

    double p50Ms() {
        return ms(0.50);
    }

    double p99Ms() {
        return ms(0.99);
    }

    double perSecond() {
        return sorted.length / (over.toMillis() / 1000.0);
    }

    double ms(double quantile) {
        return at(sorted, quantile) / 1e6;
    }

    /** The figures of --json: {"p50Ms", "p99Ms", "perSecond"}. */
    Map<String, Object> json() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("p50Ms", round(p50Ms()));
        figures.put("p99Ms", round(p99Ms()));
        figures.put("perSecond", Math.round(perSecond()));
        return figures;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%.0f /s, p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests)",
                perSecond(),
                p50Ms(),
                p99Ms(),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                sorted.length);
    }

    static long at(long[] sorted, double quantile) {
        return sorted.length == 0
                ? 0
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
