package cn.ogi.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the rows of the fault and fuzz suite into the table of docs/RELIABILITY.md (between its markers),
 * replacing the rows of the same name and keeping the others, and prints the table.
 */
final class ReliabilityReport {

    static final String BEGIN = "<!-- fault-and-fuzz-suite:begin -->";
    static final String END = "<!-- fault-and-fuzz-suite:end -->";
    private static final String HEADER = """
            | corpus or fault | attempted | 2xx | 4xx | 5xx | lost | duplicated |
            |---|---:|---:|---:|---:|---:|---:|
            """;

    private ReliabilityReport() {}

    static synchronized void write(List<Tally> tallies, String note) {
        Path file = Path.of(System.getProperty("ogi.root.dir", ".."), "docs", "RELIABILITY.md");
        try {
            String text = Files.exists(file) ? Files.readString(file) : BEGIN + "\n" + END + "\n";
            int begin = text.indexOf(BEGIN);
            int end = text.indexOf(END);
            if (begin < 0 || end < begin) {
                text = text + "\n" + BEGIN + "\n" + END + "\n";
                begin = text.indexOf(BEGIN);
                end = text.indexOf(END);
            }
            Map<String, String> rows = new LinkedHashMap<>();
            for (String line : text.substring(begin + BEGIN.length(), end).split("\n", -1)) {
                if (line.startsWith("| ") && !line.startsWith("| corpus") && !line.startsWith("|---")) {
                    rows.put(line.substring(2, line.indexOf(" |", 2)), line);
                }
            }
            for (Tally t : tallies) {
                rows.put(t.name, t.row());
            }
            List<String> lines = new ArrayList<>(rows.values());
            String table = HEADER + String.join("\n", lines) + "\n\n_Last run: "
                    + LocalDate.now(java.time.ZoneOffset.UTC) + ", scale " + Hostile.scale() + "; " + note + "_\n";
            String updated = text.substring(0, begin + BEGIN.length()) + "\n" + table + text.substring(end);
            Files.writeString(file, updated);
            System.out.println("\n" + table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
