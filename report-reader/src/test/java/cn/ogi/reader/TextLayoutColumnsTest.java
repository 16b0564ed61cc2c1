package cn.ogi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.reader.render.GeneratedReport;
import cn.ogi.reader.render.LayoutTextRenderer;
import cn.ogi.reader.render.Rendered;
import cn.ogi.reader.render.ReportGenerator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Table 1 in a text's character columns (a {@code pdftotext -layout} text), where a block prints no row in full:
 * its rows together may print a number in every column ({@code 规章 · 7 4} over {@code 规范性文件 9 6 ·}), and then
 * those places are its columns; where an alignment only parts the numbers of one column (right-aligned {@code 753}
 * and {@code 7} start two characters apart, a centred {@code 3} and {@code 72867} end two apart), nothing is read
 * by it.
 */
class TextLayoutColumnsTest {

    private final ReportGenerator generator = new ReportGenerator();
    private final PublishedReportReader reader = new PublishedReportReader();

    /** Cases of the property test's default seed whose Table 1 blocks print every column only across their rows. */
    @ParameterizedTest
    @ValueSource(longs = {20_192_081_576_169L, 20_192_081_576_345L, 20_192_081_577_599L})
    void aBlockWhoseRowsTogetherPrintEveryColumnIsReadByThem(long caseSeed) {
        GeneratedReport report = generator.generate(caseSeed);

        List<String> notExact = CellComparison.notExact(report, layoutOf(report, caseSeed)).stream()
                .filter(c -> c.startsWith("activeDisclosure."))
                .toList();

        assertEquals(List.of(), notExact);
    }

    /** Numbers of one column that an alignment would part ({@code 753} over {@code 7}; {@code 3} over {@code 72867}). */
    @ParameterizedTest
    @ValueSource(longs = {20_192_081_582_439L, 20_192_081_577_401L})
    void numbersOfOneColumnPartedByAnotherAlignmentPlaceNothing(long caseSeed) {
        GeneratedReport report = generator.generate(caseSeed);
        Rendered rendered = new LayoutTextRenderer().render(report, new Random(caseSeed));
        Reading reading = reader.read(
                rendered.source(), new ReadHints(null, report.truth().year()));

        CaseResult result = CellComparison.compare(report, rendered, reading, 0);

        assertEquals(0, result.wrong(), () -> "wrong cells: " + result.examples());
    }

    private Reading layoutOf(GeneratedReport report, long caseSeed) {
        Rendered rendered = new LayoutTextRenderer().render(report, new Random(caseSeed));
        return reader.read(rendered.source(), new ReadHints(null, report.truth().year()));
    }
}
