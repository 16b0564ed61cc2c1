package cn.ogi.form.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.rules.RuleEngine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    @Test
    void blankReportHasEveryRequiredCellAtZeroAndNoOptionalOne() {
        AnnualReport report = ReportBuilder.blank("2021", 2023).build();

        long required = Editions.standard().get("2021").cells().stream()
                .filter(CellDefinition::required)
                .count();
        assertEquals(required, report.cells().size());
        assertEquals(Optional.of(BigDecimal.ZERO), report.cells().value("applications.carriedForward.total"));
        assertFalse(report.cells().has("applications.otherDisposal.unpaidFee.total"));
        assertFalse(report.cells().has("processingFees.amountYuan"));
    }

    @Test
    void computedTotalsFillRowTotalsTotalProcessedAndReviewTotals() {
        AnnualReport report = ReportBuilder.blank("2019", 2020)
                .applications("newReceived", "naturalPerson", 3)
                .applications("newReceived", "research", 1)
                .applications("granted", "naturalPerson", 3)
                .applications("notProcessed.complaint", "research", 1)
                .reviews("litigationAfterReconsideration", "other", 2)
                .withComputedTotals()
                .build();

        assertEquals(Optional.of(BigDecimal.valueOf(4)), report.cells().value("applications.newReceived.total"));
        assertEquals(Optional.of(BigDecimal.valueOf(4)), report.cells().value("applications.totalProcessed.total"));
        assertEquals(Optional.of(BigDecimal.ONE), report.cells().value("applications.totalProcessed.research"));
        assertEquals(
                Optional.of(BigDecimal.valueOf(2)),
                report.cells().value("reviews.litigationAfterReconsideration.total"));
        assertEquals(List.of(), RuleEngine.standard().evaluate(report));
    }

    @Test
    void refusesACellTheEditionDoesNotHave() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> ReportBuilder.blank("2019", 2020).cell("activeDisclosure.rules.inForce", 1));
        assertTrue(e.getMessage().contains("activeDisclosure.rules.inForce"));
    }

    @Test
    void keepsCellsInCanonicalOrderWhateverTheOrderTheyWereSet() {
        AnnualReport report = ReportBuilder.blank("legacy", 2012)
                .cell("legacy.lawsuits", 1)
                .cell("legacy.applicationsReceived", 2)
                .build();

        assertEquals(
                List.of("legacy.applicationsReceived", "legacy.lawsuits"),
                List.copyOf(report.cells().keys()));
    }
}
