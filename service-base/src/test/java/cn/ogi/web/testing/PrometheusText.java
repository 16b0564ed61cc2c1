package cn.ogi.web.testing;

import java.util.ArrayList;
import java.util.List;

/** Reads samples out of a {@code /q/metrics} answer (Prometheus text exposition format), for tests. */
public final class PrometheusText {

    private final List<String> lines;

    public PrometheusText(String text) {
        this.lines = List.of(text.split("\n", -1));
    }

    /** Whether any sample of the metric is there (its exact Prometheus name, suffix included). */
    public boolean has(String name) {
        return lines.stream().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }

    /**
     * The sum of the samples of {@code name} whose labels include every {@code labels} pair (given as
     * {@code "key", "value", …}); 0 when none matches, as for a counter that never moved.
     */
    public double sum(String name, String... labels) {
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            wanted.add(labels[i] + "=\"" + labels[i + 1] + "\"");
        }
        double sum = 0;
        for (String line : lines) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            int end = line.lastIndexOf('}');
            String labelText = end < 0 ? "" : line.substring(name.length() + 1, end);
            List<String> present = List.of(labelText.split(",", -1));
            if (present.containsAll(wanted)) {
                String value = line.substring(end < 0 ? name.length() : end + 1).strip();
                sum += Double.parseDouble(value.split(" ", -1)[0]);
            }
        }
        return sum;
    }
}
