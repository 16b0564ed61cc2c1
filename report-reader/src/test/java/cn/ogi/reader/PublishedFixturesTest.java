package cn.ogi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared fixture is read as the score-reader and the held-out measurement post it — texts as {@code
 * text/plain}, the PDFs as {@code application/pdf} — and compared with its hand-checked expectation: every cell,
 * the identity fields and the rule findings. Adding a fixture adds a case.
 */
class PublishedFixturesTest {

    private static final AtomicInteger CELLS = new AtomicInteger();
    private static final AtomicInteger EXACT = new AtomicInteger();

    private final PublishedReportReader reader = new PublishedReportReader();

    static Stream<Arguments> fixtures() {
        List<SharedFixtures.Case> cases = SharedFixtures.cases();
        if (cases.isEmpty()) {
            return Stream.of(Arguments.of("(no fixtures)", null));
        }
        return cases.stream().map(c -> Arguments.of(c.name(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsThePublishedReportAsTheHandCheckedExpectationSays(String name, SharedFixtures.Case fixture)
            throws Exception {
        if (fixture == null) {
            Assumptions.abort(SharedFixtures.whyAbsent());
        }
        FixtureExpectation expected = new FixtureExpectation(fixture.expectation(), fixture.source());
        Reading reading = reader.read(
                new PublishedSource(Files.readAllBytes(fixture.source()), fixture.mediaType()), ReadHints.none());
        UnrecoverableCells unrecoverable = UnrecoverableCells.of(name);
        FixtureExpectation.Comparison c = expected.compare(
                reading.report(),
                reader.findings(reading),
                key -> unrecoverable.covers(key) && !reading.cells().get(key).known());
        CELLS.addAndGet(c.cellsTotal());
        EXACT.addAndGet(c.cellsExact());
        assertEquals(List.of(), c.mismatches(), name + ": " + c.cellsExact() + "/" + c.cellsTotal() + " cells exact");
    }

    @AfterAll
    static void printAccuracy() {
        if (CELLS.get() > 0) {
            System.out.printf(
                    "PublishedReportReader fixture accuracy: %d/%d cells exact (%.2f%%)%n",
                    EXACT.get(), CELLS.get(), 100.0 * EXACT.get() / CELLS.get());
        }
    }
}
