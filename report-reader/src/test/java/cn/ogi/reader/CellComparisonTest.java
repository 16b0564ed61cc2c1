package cn.ogi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import cn.ogi.reader.render.GeneratedReport;
import cn.ogi.reader.render.HtmlRenderer;
import cn.ogi.reader.render.Rendered;
import cn.ogi.reader.render.ReportGenerator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The property test's judge: exact, unknown and wrong cells are told apart, and a wrong form is noticed. */
class CellComparisonTest {

    private final GeneratedReport truth = new ReportGenerator().generate(7);
    private final Rendered html = new HtmlRenderer(false).render(truth, new Random(7));

    @Test
    void aReadingEqualToTheTruthIsExactInEveryCell() {
        CaseResult r = CellComparison.compare(truth, html, reading(truth.truth(), SourceForm.HTML), 0);
        assertEquals(r.cells(), r.exact());
        assertEquals(0, r.wrong());
        assertTrue(r.formOk());
    }

    @Test
    void aNullWhereTheTruthHasAValueIsUnknownAndAnotherValueIsWrong() {
        String key = "applications.newReceived.total";
        BigDecimal printed = truth.value(key);
        AnnualReport changed = ReportBuilder.from(truth.truth())
                .cell(key, printed.add(BigDecimal.ONE))
                .cell("reviews.reconsideration.total", null)
                .cell("applications.otherDisposal.other.naturalPerson", null)
                .build();
        CaseResult r = CellComparison.compare(truth, html, reading(changed, SourceForm.TEXT), 0);
        assertEquals(1, r.wrong());
        assertTrue(r.examples().get(0).startsWith(key), r.examples().toString());
        assertEquals(2, r.unknown());
        assertFalse(r.formOk());
    }

    @Test
    void aValueForACellTheReportDoesNotPrintIsWrong() {
        AnnualReport invented = ReportBuilder.from(truth.truth())
                .cell("processingFees.notices", BigDecimal.TEN)
                .build();
        CaseResult r = CellComparison.compare(truth, html, reading(invented, SourceForm.HTML), 0);
        assertEquals(1, r.wrong());
    }

    @Test
    void aCellReadAsPrintedBlankCountsAsZero() {
        String zero = truth.truth().cells().asMap().entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().signum() == 0)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        String nonZero = truth.truth().cells().asMap().entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().signum() > 0)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        AnnualReport blanks = ReportBuilder.from(truth.truth())
                .cell(zero, null)
                .cell(nonZero, null)
                .build();
        Map<String, CellReading> how = Map.of(
                zero, CellReading.read(null, Provenance.BLANK_AS_PRINTED, "blank"),
                nonZero, CellReading.read(null, Provenance.BLANK_AS_PRINTED, "blank"));
        Reading reading = new Reading(blanks, new SourceInfo(SourceForm.HTML, "0", 0, null, List.of()), how, List.of());
        CaseResult r = CellComparison.compare(truth, html, reading, 0);
        assertEquals(r.cells() - 1, r.exact(), "the zero read as blank is exact");
        assertEquals(1, r.wrong(), "a blank where " + truth.value(nonZero) + " is printed is wrong");
    }

    private static Reading reading(AnnualReport report, SourceForm form) {
        SourceInfo source = new SourceInfo(form, "0", 0, null, List.of());
        return new Reading(report, source, Map.of(), List.of());
    }
}
