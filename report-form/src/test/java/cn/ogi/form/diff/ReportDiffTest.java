package cn.ogi.form.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.form.TestReports;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportDiffTest {

    @Test
    void identicalReportsHaveNoChanges() {
        AnnualReport report = TestReports.balanced("2021").build();

        assertEquals(
                List.of(),
                ReportDiff.between(report, TestReports.balanced("2021").build()));
    }

    @Test
    void listsExactlyTheChangedCellsInCanonicalOrder() {
        AnnualReport before = TestReports.balanced("2021").build();
        AnnualReport after = ReportBuilder.from(before)
                .reviews("reconsideration", "pending", 0)
                .cell("activeDisclosure.rules.issued", 2)
                .cell("processingFees.amountYuan", new BigDecimal("12.5"))
                .without("applications.granted.research")
                .build();

        assertEquals(
                List.of(
                        new CellChange("activeDisclosure.rules.issued", BigDecimal.ZERO, BigDecimal.valueOf(2)),
                        new CellChange("applications.granted.research", BigDecimal.ZERO, null),
                        new CellChange("reviews.reconsideration.pending", BigDecimal.ONE, BigDecimal.ZERO),
                        new CellChange("processingFees.amountYuan", null, new BigDecimal("12.5"))),
                ReportDiff.between(before, after));
    }

    @Test
    void numericallyEqualValuesAreNotChanges() {
        AnnualReport before = TestReports.balanced("2021")
                .cell("processingFees.amountYuan", new BigDecimal("1.50"))
                .build();
        AnnualReport after = TestReports.balanced("2021")
                .cell("processingFees.amountYuan", new BigDecimal("1.5"))
                .build();

        assertEquals(List.of(), ReportDiff.between(before, after));
    }
}
