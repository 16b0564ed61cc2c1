package cn.ogi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.reader.render.GeneratedReport;
import cn.ogi.reader.render.PrintHabits;
import cn.ogi.reader.render.Rendered;
import cn.ogi.reader.render.Renderers;
import cn.ogi.reader.render.ReportGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers and labels as publishers type them where the form leaves room ({@link PrintHabits.Digits}, {@link
 * PrintHabits.Wording}): items numbered {@code （2）}, {@code 2）} or {@code ②}, a total called 合计, thousands separators in
 * a text whose cells run together. Each is read as the same report printed the form's way, or at least never wrong.
 */
class PublishersWordingTest {

    private static final PrintHabits.Digits PLAIN_DIGITS = new PrintHabits.Digits(false, false);
    private static final PrintHabits.Wording PLAIN_WORDS = new PrintHabits.Wording(0, 0, false, "", "总计", false, 0);

    private final PublishedReportReader reader = new PublishedReportReader();
    private final ReportGenerator generator = new ReportGenerator();

    /** Items numbered （1） (1) 1） ①: in a page whose cells show, the same cells as items numbered 1. (before: 9.7 % unknown). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void itemsNumberedInBracketsOrCircledAreNoCells(int itemNumbers) {
        PrintHabits numbered = habits(PLAIN_DIGITS, new PrintHabits.Wording(0, itemNumbers, false, "", "总计", false, 0));
        for (String form : List.of("pipe", "tabs")) {
            assertEquals(List.of(), lessWell(form, numbered, 8_000, 20), form);
        }
    }

    /** The same in a one-line scrape, where an item's number follows the row's digits ({@code …0 0 32）重复申请}). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void itemsNumberedInBracketsOrCircledAreNeverReadAsCellsOfARunTogetherText(int itemNumbers) {
        PrintHabits numbered = habits(PLAIN_DIGITS, new PrintHabits.Wording(0, itemNumbers, false, "", "总计", false, 0));
        assertEquals(List.of(), wrong("flowing", numbered, 8_100, 40));
    }

    /** A total printed 合计 (the row （七）合计, the columns' 合计) is the form's 总计: the same cells as with 总计. */
    @Test
    void aTotalCalledHejiIsTheFormsTotal() {
        PrintHabits heji = habits(PLAIN_DIGITS, new PrintHabits.Wording(0, 0, false, "", "合计", false, 0));
        for (String form : List.of("flowing", "layout", "cells", "pipe")) {
            assertEquals(List.of(), lessWell(form, heji, 8_200, 25), form);
        }
    }

    /**
     * Thousands separators where cells run together ({@code 行政处罚7,630,05100}: 7,630,051, then 0 and 0): the
     * number ends with its last group of three; before, the second comma was text and the row read 7630 | 5100.
     */
    @Test
    void aThousandsGroupRunOnIntoTheNextCellsEndsItsNumber() {
        GeneratedReport report = generator
                .generate(20_192_081_576_140L)
                .withHabits(habits(new PrintHabits.Digits(false, true), PLAIN_WORDS));
        Rendered rendered = Renderers.named("flowing").render(report, new Random(20_192_081_576_140L));
        assertTrue(rendered.text().contains("行政处罚7,630,05100"), "the case prints its row so");

        CaseResult r = read(report, rendered);

        assertEquals(0, r.wrong(), () -> "wrong cells: " + r.examples());
        assertEquals(List.of(), wrong("flowing", habits(new PrintHabits.Digits(true, true), PLAIN_WORDS), 8_300, 40));
    }

    private static PrintHabits habits(PrintHabits.Digits digits, PrintHabits.Wording words) {
        return new PrintHabits("", -1, 0, digits, words, 0);
    }

    /** Cells of reports printed with {@code habits} read less well than the same reports printed plainly. */
    private List<String> lessWell(String form, PrintHabits habits, long from, int count) {
        List<String> worse = new ArrayList<>();
        for (long seed = from; seed < from + count; seed++) {
            GeneratedReport plain = generator.generate(seed).withHabits(habits(PLAIN_DIGITS, PLAIN_WORDS));
            GeneratedReport printed = plain.withHabits(habits);
            List<String> before = CellComparison.notExact(plain, readReport(plain, form, seed)).stream()
                    .map(c -> c.substring(0, c.indexOf(':')))
                    .toList();
            for (String cell : CellComparison.notExact(printed, readReport(printed, form, seed))) {
                if (!before.contains(cell.substring(0, cell.indexOf(':')))) {
                    worse.add(seed + " " + cell);
                }
            }
        }
        return worse;
    }

    private List<String> wrong(String form, PrintHabits habits, long from, int count) {
        List<String> wrong = new ArrayList<>();
        for (long seed = from; seed < from + count; seed++) {
            GeneratedReport report = generator.generate(seed).withHabits(habits);
            CaseResult r = read(report, Renderers.named(form).render(report, new Random(seed)));
            for (String e : r.examples()) {
                wrong.add(seed + " " + e);
            }
        }
        return wrong;
    }

    private Reading readReport(GeneratedReport report, String form, long seed) {
        Rendered rendered = Renderers.named(form).render(report, new Random(seed));
        return reader.read(rendered.source(), new ReadHints(null, report.truth().year()));
    }

    private CaseResult read(GeneratedReport report, Rendered rendered) {
        Reading reading = reader.read(
                rendered.source(), new ReadHints(null, report.truth().year()));
        return CellComparison.compare(report, rendered, reading, 0);
    }
}
