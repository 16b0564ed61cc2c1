package cn.ogi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.reader.render.GeneratedReport;
import cn.ogi.reader.render.PrintHabits;
import cn.ogi.reader.render.Renderers;
import cn.ogi.reader.render.ReportGenerator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Notes above and under the tables, with digits in them — the statistics period wrapped over two lines, a unit, a
 * note naming a row with a count on its next line, a closing date whose year OCR split ({@code 2 021年}) — are text:
 * the report reads the same cells as without them.
 */
class NotesUnderTablesTest {

    private static final int REPORTS = 40;
    private final PublishedReportReader reader = new PublishedReportReader();
    private final ReportGenerator generator = new ReportGenerator();

    @ParameterizedTest
    @ValueSource(strings = {"layout", "ocr-layout", "markdown", "ocr-markdown", "pipe", "cells"})
    void notesWithDigitsAroundTheTablesReadNoCellOtherwise(String form) {
        for (long seed = 1; seed <= REPORTS; seed++) {
            GeneratedReport report = generator.generate(seed).withHabits(PrintHabits.PLAIN);
            String plain =
                    Renderers.named(form).render(report, new Random(seed)).text();
            String noted = withNotes(plain, report.truth().year());

            Reading expected = reader.read(PublishedSource.text(plain), null);
            Reading read = reader.read(PublishedSource.text(noted), null);

            assertEquals(List.of(), CellComparison.differingCells(expected, read), form + " seed " + seed);
        }
    }

    private static String withNotes(String text, int year) {
        String split =
                String.valueOf(year).charAt(0) + " " + String.valueOf(year).substring(1);
        return text.replaceFirst(
                        "(?m)^(.*三、收到和处理政府信息公开申请情况.*)$",
                        "注：本表数据统计时间为" + year + "年1月1日至" + year + "年12\n月31日。\n$1\n（单位：件）")
                .replaceFirst("(?m)^(.*四、政府信息公开行政复议.*)$", "注：“其他处理”包括申请人撤回申请\n3件。\n$1\n单位：件")
                .replaceFirst("(?m)^(.*五、存在的主要问题.*)$", "注：表中数据截至" + split + "年12月31日\n$1");
    }
}
