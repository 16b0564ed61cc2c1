package cn.ogi.reader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Locates the shared fixtures through the system property {@code ogi.shared.dir} (set by surefire). */
final class SharedFixtures {

    static final String PROPERTY = "ogi.shared.dir";

    /** A fixture: the expectation file and the source to read, with its media type. */
    record Case(String name, Path expectation, Path source, String mediaType) {}

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

    /**
     * Every fixture, as the score-reader posts them: {@code *.expected.json} beside its {@code .txt}, {@code
     * pdf-text/} and {@code web/} {@code *.canonical.json} beside their {@code .txt} (text/plain), and every {@code
     * pdf/*.pdf} (application/pdf) against {@code pdf-text/<name>.canonical.json}.
     */
    static List<Case> cases() {
        Path dir = reportsDir();
        List<Case> out = new ArrayList<>();
        if (dir == null) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                String folder = p.getParent().getFileName().toString();
                if (name.endsWith(".expected.json")
                        || (name.endsWith(".canonical.json") && (folder.equals("pdf-text") || folder.equals("web")))) {
                    Path text = p.resolveSibling(name.replaceAll("\\.(expected|canonical)\\.json$", ".txt"));
                    if (Files.isRegularFile(text)) {
                        out.add(new Case(dir.relativize(text).toString(), p, text, "text/plain; charset=utf-8"));
                    }
                }
                if (name.endsWith(".pdf") && folder.equals("pdf")) {
                    Path expectation = dir.resolve("pdf-text").resolve(name.replace(".pdf", ".canonical.json"));
                    if (Files.isRegularFile(expectation)) {
                        out.add(new Case(dir.relativize(p).toString(), expectation, p, "application/pdf"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
