package cn.ogi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.reader.render.GeneratedReport;
import cn.ogi.reader.render.PrintHabits;
import cn.ogi.reader.render.Rendered;
import cn.ogi.reader.render.Renderers;
import cn.ogi.reader.render.ReportGenerator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A dash printed for nothing, run together with the number after it ({@code 行政许可--8}: two blank cells and 8), is
 * not told from the minus of a signed change (本年增/减: a blank and −8) by the text: the cells the two readings
 * differ in are unknown, unless the table's rules decide; before, the dash was always a minus and such a row was
 * read wrong.
 */
class MinusOrMarkTest {

    private static final Pattern DASH_BEFORE_DIGITS = Pattern.compile("[^\\s\\d]-\\d|\\d-\\d");
    private final PublishedReportReader reader = new PublishedReportReader();
    private final ReportGenerator generator = new ReportGenerator();

    @Test
    void aDashRunTogetherBeforeANumberIsReadAsMarkOrMinusNeverAsOneOfThemAlone() {
        List<String> wrong = new ArrayList<>();
        int dashed = 0;
        for (long seed = 7_000; seed < 7_150; seed++) {
            GeneratedReport report = generator.generate(seed).withHabits(new PrintHabits("-", -1, 0));
            Rendered rendered = Renderers.named("flowing").render(report, new Random(seed));
            dashed += DASH_BEFORE_DIGITS.matcher(rendered.text()).find() ? 1 : 0;
            Reading reading = reader.read(PublishedSource.text(rendered.text()), null);
            CaseResult r = CellComparison.compare(report, rendered, reading, 0);
            if (r.wrong() > 0) {
                wrong.add(seed + ": " + r.examples());
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(dashed >= 100, dashed + " texts with a dash run together before digits");
    }

    @Test
    void twoDashesBeforeADecisionCountLeaveTheChangeAndTheCountUnknown() {
        // seed 7's case 7000714: 行政许可--8 — the previous year's count and the change blank, 8 decisions
        GeneratedReport report = generator.generate(7_000_714L);
        Rendered rendered = Renderers.named("flowing").render(report, new Random(7_000_714L));
        assertTrue(rendered.text().contains("行政许可--8"), "the case prints its row so");

        Reading reading = reader.read(PublishedSource.text(rendered.text()), null);

        CellReading change = reading.cells().get("activeDisclosure.licensing.change");
        CellReading decisions = reading.cells().get("activeDisclosure.licensing.decisions");
        assertNull(change.value());
        assertEquals(Unknown.AMBIGUOUS, change.unknown());
        assertNull(decisions.value());
        assertTrue(
                decisions.candidates().stream().anyMatch(v -> v.compareTo(BigDecimal.valueOf(8)) == 0),
                "8 among the candidates: " + decisions.candidates());
    }
}
