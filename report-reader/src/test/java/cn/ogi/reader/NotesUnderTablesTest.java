package cn.ogi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.reader.render.GeneratedReport;
import cn.ogi.reader.render.PrintHabits;
import cn.ogi.reader.render.Renderers;
import cn.ogi.reader.render.ReportGenerator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Notes above and under the tables, with digits in them — the statistics period wrapped over two lines, a unit, a
 * note naming a row with a count on its next line, a closing date whose year OCR split ({@code 2 021年}) — are text:
 * the report reads the same cells as without them; also where a note runs on with the text around it (a page
 * scraped onto one line, a Markdown conversion on one line), its count ({@code 撤回申请3件}, {@code 23项规章}) right
 * after a table's last number.
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

    @ParameterizedTest
    @ValueSource(strings = {"flowing", "pipe", "markdown", "markdown-as-text", "layout", "cells"})
    void notesRunTogetherWithTheNextHeadingReadNoCellOtherwise(String form) {
        for (long seed = 1; seed <= REPORTS; seed++) {
            GeneratedReport report = generator.generate(seed).withHabits(PrintHabits.PLAIN);
            String plain =
                    Renderers.named(form).render(report, new Random(seed)).text();
            String noted = withNotesBeforeHeadings(plain, report.truth().year(), 1 + (int) (seed % 9));

            Set<String> notExactWithout =
                    keys(CellComparison.notExact(report, reader.read(PublishedSource.text(plain), null)));
            List<String> notExact = CellComparison.notExact(report, reader.read(PublishedSource.text(noted), null));

            // a note that ends the text before a heading may let a row be found that was not: never a cell fewer
            assertEquals(
                    List.of(),
                    notExact.stream()
                            .filter(c -> !notExactWithout.contains(key(c)))
                            .toList(),
                    form + " seed " + seed);
        }
    }

    private static Set<String> keys(List<String> cells) {
        return cells.stream().map(NotesUnderTablesTest::key).collect(Collectors.toSet());
    }

    private static String key(String cell) {
        return cell.substring(0, cell.indexOf(':'));
    }

    /** Notes with a count, each right before the next section's heading (the last one ended by it, not by 。). */
    private static String withNotesBeforeHeadings(String text, int year, int count) {
        return text.replaceFirst("三、收到和处理政府信息公开申请情况", "注：" + (year - 2000) + "项规章已于" + year + "年5月清理。$0")
                .replaceFirst("四、政府信息公开行政复议", "注：“其他处理”包括申请人撤回申请" + count + "件。$0")
                .replaceFirst("五、存在的主要问题", "备注：行政复议含撤回" + count + "件$0");
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
