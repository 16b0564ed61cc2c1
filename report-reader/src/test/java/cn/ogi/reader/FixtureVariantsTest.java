package cn.ogi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared fixtures' texts as another copy or scrape of the same page would give them: the gaps between cells
 * shrunk to one space on each line, the whole page run onto one line, and each cell on a line of its own (a text taken
 * cell by cell). Fewer cells may then be readable, but
 * none may be read wrong: every cell is the number printed, or null.
 */
class FixtureVariantsTest {

    private static final AtomicInteger CELLS = new AtomicInteger();
    private static final AtomicInteger EXACT = new AtomicInteger();

    private static final Map<String, UnaryOperator<String>> VARIANTS = Map.of(
            "one space between cells", t -> t.replaceAll("[ \\t\\u00a0\\u3000]+", " "),
            "the page on one line", t -> t.replaceAll("\\s+", " "),
            "each cell on a line of its own",
                    t -> t.replaceAll("[ \\t]*\\|[ \\t]*", "\n").replaceAll("[ \\u00a0\\u3000]{2,}", "\n"));

    private final PublishedReportReader reader = new PublishedReportReader();

    static Stream<Arguments> variants() {
        List<Arguments> out = new ArrayList<>();
        for (SharedFixtures.Case c : SharedFixtures.cases()) {
            if (!c.mediaType().startsWith("application/pdf")) {
                VARIANTS.keySet().stream().sorted().forEach(v -> out.add(Arguments.of(c.name() + ", " + v, c, v)));
            }
        }
        if (out.isEmpty()) {
            out.add(Arguments.of("(no fixtures)", null, null));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void aVariantOfAFixtureIsReadAsPrintedOrUnknownNeverWrong(String name, SharedFixtures.Case fixture, String variant)
            throws Exception {
        if (fixture == null) {
            Assumptions.abort(SharedFixtures.whyAbsent());
        }
        FixtureExpectation expected = new FixtureExpectation(fixture.expectation(), fixture.source());
        String text = VARIANTS.get(variant).apply(Files.readString(fixture.source(), StandardCharsets.UTF_8));
        Reading reading;
        try {
            reading = reader.read(
                    PublishedSource.text(text),
                    new ReadHints(null, expected.root.path("year").asInt()));
        } catch (UnreadableReportException e) {
            return; // refused, with a reason: nothing read wrong
        }
        List<String> wrong = new ArrayList<>();
        Map<String, BigDecimal> got = reading.report().cells().asMap();
        expected.cells.forEach((key, want) -> {
            BigDecimal value = got.get(key);
            CELLS.incrementAndGet();
            if (value == null || (want == null && value.signum() == 0)) {
                EXACT.addAndGet(value == null && want != null ? 0 : 1);
            } else if (want != null && want.compareTo(value) == 0) {
                EXACT.incrementAndGet();
            } else {
                wrong.add(key + ": read " + value + ", printed " + want);
            }
        });
        assertEquals(List.of(), wrong, name);
    }

    @AfterAll
    static void printAccuracy() {
        if (CELLS.get() > 0) {
            System.out.printf(
                    "fixture variants: %d/%d cells exact (%.1f%%), the rest unknown, none wrong%n",
                    EXACT.get(), CELLS.get(), 100.0 * EXACT.get() / CELLS.get());
        }
    }
}
