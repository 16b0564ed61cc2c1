package cn.ogi.intake.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the shared fixtures through the system property {@code ogi.shared.dir} (set by surefire). */
final class SharedFixtures {

    static final String PROPERTY = "ogi.shared.dir";

    private SharedFixtures() {}

    /** The reports folder, or null when the property is unset or the folder is absent. */
    static Path reportsDir() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            return null;
        }
        Path reports = Path.of(dir, "fixtures", "reports");
        return Files.isDirectory(reports) ? reports : null;
    }

    static String whyAbsent() {
        return "shared fixtures not found: system property " + PROPERTY + "=" + System.getProperty(PROPERTY)
                + " has no fixtures/reports folder";
    }

    /** Every expectation file: {@code **}{@code /*.expected.json} and {@code **}{@code /pdf-text/*.canonical.json}. */
    static List<Path> expectations() {
        Path dir = reportsDir();
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".expected.json")
                                || (name.endsWith(".canonical.json")
                                        && p.getParent()
                                                .getFileName()
                                                .toString()
                                                .equals("pdf-text"));
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every report text beside an expectation. */
    static List<Path> texts() {
        return expectations().stream()
                .map(p -> p.resolveSibling(
                        p.getFileName().toString().replaceAll("\\.(expected|canonical)\\.json$", ".txt")))
                .filter(Files::isRegularFile)
                .toList();
    }
}
