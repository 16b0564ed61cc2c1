package cn.ogi.stats;

import cn.ogi.form.edition.Editions;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import java.math.BigDecimal;
import java.util.List;

/** Reports with varied numbers in several rows, columns and tables, derived from a seed. */
public final class TestReports {

    private TestReports() {}

    /** A report of the year's edition: varied applications, reviews and fees; totals computed. */
    public static ReportBuilder varied(String agencyCode, int year, int seed) {
        String edition = Editions.standard().forYear(year).id();
        ReportBuilder b = ReportBuilder.blank(edition, year)
                .agencyCode(agencyCode)
                .applications("newReceived", "naturalPerson", seed + 3)
                .applications("newReceived", "commercial", seed % 4)
                .applications("carriedOver", "naturalPerson", 1)
                .applications("granted", "naturalPerson", seed + 1)
                .applications("partiallyGranted", "commercial", seed % 3)
                .applications("withheld.stateSecret", "naturalPerson", 1)
                .applications("unavailable.notHeld", "research", seed % 2)
                .applications("otherDisposal.other", "other", 1)
                .applications("carriedForward", "naturalPerson", 2)
                .reviews("reconsideration", "upheld", seed)
                .reviews("reconsideration", "corrected", 1)
                .reviews("reconsideration", "pending", seed % 2)
                .reviews("litigationDirect", "upheld", 2)
                .reviews("litigationDirect", "corrected", seed % 2)
                .reviews("litigationAfterReconsideration", "other", 1)
                .cell("processingFees.amountYuan", new BigDecimal(seed * 10 + ".5"));
        if (edition.equals("2021")) {
            b.applications("otherDisposal.unpaidFee", "legalService", seed % 2)
                    .cell("activeDisclosure.administrativeFees.amountWan", new BigDecimal(seed + ".25"));
        }
        return b.withComputedTotals();
    }

    public static BigDecimal sum(List<AnnualReport> reports, String cell) {
        return reports.stream()
                .map(r -> r.cells().value(cell).orElse(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
