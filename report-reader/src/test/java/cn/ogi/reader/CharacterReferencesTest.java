package cn.ogi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.reader.render.GeneratedReport;
import cn.ogi.reader.render.LayoutTextRenderer;
import cn.ogi.reader.render.ReportGenerator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A scrape that dropped a page's tags but kept its character references (no-break spaces, quotes and 、 written as
 * named or numeric references) is read as the characters they stand for: a gap of two no-break spaces is a gap of
 * two.
 */
class CharacterReferencesTest {

    private final PublishedReportReader reader = new PublishedReportReader();

    @Test
    void aTextKeepingItsCharacterReferencesReadsAsTheTextOfTheirCharacters() {
        ReportGenerator generator = new ReportGenerator();
        for (long seed = 1; seed <= 20; seed++) {
            GeneratedReport report = generator.generate(seed);
            String plain = new LayoutTextRenderer().layout(report, new Random(seed));
            String referenced = plain.replace(" ", "&nbsp;")
                    .replace("“", "&ldquo;")
                    .replace("”", "&rdquo;")
                    .replace("、", "&#12289;");

            Reading expected = reader.read(PublishedSource.text(plain), null);
            Reading read = reader.read(PublishedSource.text(referenced), null);

            assertEquals(
                    List.of(),
                    CellComparison.differingCells(expected, read),
                    "seed " + seed + ": cells read otherwise");
            assertEquals(expected.report(), read.report(), "seed " + seed);
        }
    }
}
