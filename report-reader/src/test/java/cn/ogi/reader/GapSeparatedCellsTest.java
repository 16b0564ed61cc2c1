package cn.ogi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.reader.render.GeneratedReport;
import cn.ogi.reader.render.Rendered;
import cn.ogi.reader.render.ReportGenerator;
import cn.ogi.reader.render.TabCopyRenderer;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A table copied into a text with only gaps between its cells and its empty cells gone (a single tab, or two, where
 * a copy had a tab per cell): the numbers stand where their labels end, not in columns, so their positions must
 * not place them — a row of Table 1 printing two numbers for three cells is unknown, not read with a blank in the
 * column its first number happens to stand under. Each case below was read with wrong cells before the reader
 * judged, from Table 2's rows, that such a text's positions say nothing.
 */
class GapSeparatedCellsTest {

    @ParameterizedTest
    @CsvSource({"3040, '\t'", "3082, '\t'", "3156, '\t'", "3197, '\t'", "3003, '\t\t'", "3037, '\t\t'", "3065, '\t\t'"})
    void aTextWhoseNumbersStandWhereTheirLabelsEndIsReadWithoutPositions(long seed, String gap) {
        GeneratedReport report = new ReportGenerator().generate(seed);
        Rendered copy = new TabCopyRenderer().render(report, new Random(seed));
        String gapsOnly = copy.text().replaceAll("\t+", gap);

        Reading reading = new PublishedReportReader().read(PublishedSource.text(gapsOnly), null);

        CaseResult result = CellComparison.compare(report, copy, reading, 0);
        assertEquals(0, result.wrong(), "wrong cells: " + result.examples());
    }
}
