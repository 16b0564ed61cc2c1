package cn.ogi.intake.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.form.rules.RuleEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared fixture with a hand-checked expectation is parsed and compared: cells, identity fields and the
 * rule findings of the parsed report. Adding a fixture adds a case. Prints the cell accuracy over all fixtures.
 */
class PublishedFixturesTest {

    private static final AtomicInteger CELLS = new AtomicInteger();
    private static final AtomicInteger EXACT = new AtomicInteger();

    private final ReportTextParser parser = new ReportTextParser();

    static Stream<Arguments> fixtures() {
        List<Path> files = SharedFixtures.expectations();
        if (files.isEmpty()) {
            return Stream.of(Arguments.of("(no fixtures)", null));
        }
        return files.stream().map(p -> Arguments.of(p.getParent().getFileName() + "/" + p.getFileName(), p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void parsesThePublishedTextAsTheHandCheckedExpectationSays(String name, Path expectation) throws Exception {
        if (expectation == null) {
            Assumptions.abort(SharedFixtures.whyAbsent());
        }
        FixtureExpectation expected = new FixtureExpectation(expectation);
        if (!Files.isRegularFile(expected.text)) {
            Assumptions.abort("report text " + expected.text + " not found beside " + name);
        }

        ParseOutcome outcome = parser.parse(Files.readString(expected.text), ParseHints.none());
        FixtureExpectation.Comparison c =
                expected.compare(outcome.report(), RuleEngine.standard().evaluate(outcome.report()));

        CELLS.addAndGet(c.cellsTotal());
        EXACT.addAndGet(c.cellsExact());
        assertEquals(List.of(), c.mismatches(), name + ": " + c.cellsExact() + "/" + c.cellsTotal() + " cells exact");
    }

    @AfterAll
    static void printAccuracy() {
        if (CELLS.get() > 0) {
            System.out.printf(
                    "ReportTextParser fixture accuracy: %d/%d cells exact (%.2f%%)%n",
                    EXACT.get(), CELLS.get(), 100.0 * EXACT.get() / CELLS.get());
        }
    }
}
