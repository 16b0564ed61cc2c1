package cn.ogi.reader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Per-form totals of the property test, printed and written as Markdown. */
final class PropertyTable {

    private final Map<String, List<CaseResult>> byForm = new TreeMap<>();

    synchronized void add(CaseResult r) {
        byForm.computeIfAbsent(r.form(), f -> new ArrayList<>()).add(r);
    }

    synchronized List<CaseResult> all() {
        return byForm.values().stream().flatMap(Collection::stream).toList();
    }

    synchronized String markdown(long seed) {
        StringBuilder s = new StringBuilder();
        s.append("Property test of the published-report reader (seed ")
                .append(seed)
                .append(")\n\n");
        s.append(
                "| form | cases | refused | crashed | form wrong | cells | exact | unknown % | wrong | read p50 ms | read p99 ms |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<CaseResult> everything = new ArrayList<>();
        byForm.forEach((form, results) -> {
            row(s, form, results);
            everything.addAll(results);
        });
        row(s, "**all**", everything);
        return s.toString();
    }

    private static void row(StringBuilder s, String form, List<CaseResult> results) {
        long cells = results.stream().mapToLong(CaseResult::cells).sum();
        long exact = results.stream().mapToLong(CaseResult::exact).sum();
        long unknown = results.stream().mapToLong(CaseResult::unknown).sum();
        long wrong = results.stream().mapToLong(CaseResult::wrong).sum();
        long refused = results.stream().filter(r -> r.refused() != null).count();
        long crashed = results.stream().filter(r -> r.crash() != null).count();
        long formWrong = results.stream()
                .filter(r -> r.refused() == null && r.crash() == null && !r.formOk())
                .count();
        long[] times = results.stream().mapToLong(CaseResult::nanos).sorted().toArray();
        s.append(String.format(
                Locale.ROOT,
                "| %s | %d | %d | %d | %d | %d | %d | %.3f | %d | %.1f | %.1f |%n",
                form,
                results.size(),
                refused,
                crashed,
                formWrong,
                cells,
                exact,
                cells == 0 ? 0.0 : 100.0 * unknown / cells,
                wrong,
                percentile(times, 50),
                percentile(times, 99)));
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    void write(Path file, long seed) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown(seed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
