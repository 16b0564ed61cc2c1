package cn.ogi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.ogi.reader.render.GeneratedReport;
import cn.ogi.reader.render.LayoutTextRenderer;
import cn.ogi.reader.render.Radicals;
import cn.ogi.reader.render.ReportGenerator;
import cn.ogi.reader.text.Normalizer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The text layer of a PDF exported by a word processor gives some whole characters as the CJK radicals of the same
 * shape ({@code ⾏政复议}, {@code 部⻔}): they are read as the characters they stand for.
 */
class RadicalsTest {

    private final PublishedReportReader reader = new PublishedReportReader();

    @Test
    void radicalsStandingForWholeCharactersAreThoseCharacters() {
        assertEquals("行政复议 部门 人民政府 见 长", Normalizer.normalize("⾏政复议 部⻔ ⼈⺠政府 ⻅ ⻓"));
        assertEquals("门", Normalizer.normalize("⾨"), "a Kangxi radical of a Traditional character, folded");
        assertEquals("⺅", Normalizer.normalize("⺅"), "a radical that is no character of its own stays");
    }

    @Test
    void aReportWhoseEveryCharacterWithARadicalTwinIsPrintedAsThatRadicalReadsAsTheSameReport() {
        ReportGenerator generator = new ReportGenerator();
        for (long seed = 1; seed <= 30; seed++) {
            GeneratedReport report = generator.generate(seed);
            String plain = new LayoutTextRenderer().layout(report, new Random(seed));
            String radicals = Radicals.every().print(plain);
            assertNotEquals(plain, radicals, "seed " + seed + ": the rendering has no character to change");
            Reading expected = reader.read(PublishedSource.text(plain), null);
            Reading read = reader.read(PublishedSource.text(radicals), null);
            assertEquals(
                    List.of(),
                    CellComparison.differingCells(expected, read),
                    "seed " + seed + ": cells read otherwise");
            assertEquals(expected.report(), read.report(), "seed " + seed);
        }
    }
}
