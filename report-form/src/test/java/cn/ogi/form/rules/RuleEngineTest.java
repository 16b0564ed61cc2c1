package cn.ogi.form.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.TestReports;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The single-year rules, each holding and broken, in both table editions. */
class RuleEngineTest {

    private static final List<String> OUTCOME_ROWS_2019 = List.of(
            "granted",
            "partiallyGranted",
            "withheld.stateSecret",
            "withheld.prohibitedByLaw",
            "withheld.securityStability",
            "withheld.thirdPartyRights",
            "withheld.internalAffairs",
            "withheld.processInformation",
            "withheld.enforcementFiles",
            "withheld.inquiryMatters",
            "unavailable.notHeld",
            "unavailable.needsCreation",
            "unavailable.unclearAfterCorrection",
            "notProcessed.complaint",
            "notProcessed.duplicate",
            "notProcessed.publication",
            "notProcessed.excessive",
            "notProcessed.confirmation",
            "otherDisposal.other");

    private final RuleEngine engine = RuleEngine.standard();

    @ParameterizedTest
    @ValueSource(strings = {"2019", "2021"})
    void balancedReportBreaksNoRule(String edition) {
        assertEquals(List.of(), engine.evaluate(TestReports.balanced(edition).build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019", "2021"})
    void reportsApplicationsThatDoNotBalancePerColumn(String edition) {
        // given one more application carried forward than the year can account for
        AnnualReport report = TestReports.balanced(edition)
                .applications("carriedForward", "naturalPerson", 3)
                .withComputedTotals()
                .build();

        // when
        List<Finding> findings = engine.evaluate(report);

        // then the natural-person column and the total column fail, nothing else
        assertEquals(
                List.of(balance("naturalPerson"), balance("total")),
                findings.stream().map(RuleEngineTest::withoutMessage).toList());
        assertTrue(
                findings.get(0).message().contains("11")
                        && findings.get(0).message().contains("12"),
                findings.get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019", "2021"})
    void reportsTotalProcessedThatIsNotTheSumOfOutcomes(String edition) {
        AnnualReport report = TestReports.balanced(edition)
                .applications("totalProcessed", "commercial", 3)
                .build();

        List<Finding> findings = only("APP-TOTAL-ROW", engine.evaluate(report));

        List<String> cells = new ArrayList<>(OUTCOME_ROWS_2019.stream()
                .map(row -> "applications." + row + ".commercial")
                .toList());
        cells.add("applications.totalProcessed.commercial");
        assertEquals(
                List.of(new Finding("APP-TOTAL-ROW", Severity.ERROR, cells, "")),
                findings.stream().map(RuleEngineTest::withoutMessage).toList());
    }

    @Test
    void optionalOtherDisposalRowsCountWhenPrinted() {
        // given a 2021 report that prints (六)其他处理 with its three sub-rows
        AnnualReport report = TestReports.balanced("2021")
                .applications("otherDisposal.noCorrection", "naturalPerson", 0)
                .applications("otherDisposal.unpaidFee", "naturalPerson", 1)
                .applications("carriedForward", "naturalPerson", 1)
                .withComputedTotals()
                .build();

        assertEquals(List.of(), engine.evaluate(report));

        // when totalProcessed disagrees, the finding names the printed sub-rows too
        AnnualReport broken = ReportBuilder.from(report)
                .applications("totalProcessed", "naturalPerson", 9)
                .build();
        Finding finding = only("APP-TOTAL-ROW", engine.evaluate(broken)).get(0);
        assertTrue(finding.cells().contains("applications.otherDisposal.unpaidFee.naturalPerson"));
        assertTrue(finding.cells().contains("applications.otherDisposal.noCorrection.naturalPerson"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019", "2021"})
    void reportsARowWhoseTotalIsNotTheSumOfApplicantColumns(String edition) {
        AnnualReport report = TestReports.balanced(edition)
                .applications("granted", "total", 8)
                .build();

        List<Finding> findings = only("APP-TOTAL-COL", engine.evaluate(report));

        List<String> cells = Stream.of(
                        "naturalPerson", "commercial", "research", "socialWelfare", "legalService", "other", "total")
                .map(c -> "applications.granted." + c)
                .toList();
        assertEquals(
                List.of(new Finding("APP-TOTAL-COL", Severity.ERROR, cells, "")),
                findings.stream().map(RuleEngineTest::withoutMessage).toList());
        assertTrue(
                findings.get(0).message().contains("granted"), findings.get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019", "2021"})
    void reportsAReviewGroupWhoseTotalIsWrong(String edition) {
        AnnualReport report = TestReports.balanced(edition)
                .reviews("litigationDirect", "total", 0)
                .build();

        List<Finding> findings = engine.evaluate(report);

        assertEquals(
                List.of(new Finding(
                        "REV-TOTAL",
                        Severity.ERROR,
                        List.of(
                                "reviews.litigationDirect.upheld",
                                "reviews.litigationDirect.corrected",
                                "reviews.litigationDirect.other",
                                "reviews.litigationDirect.pending",
                                "reviews.litigationDirect.total"),
                        "litigationDirect: 0+1+0+0 = 1, total printed 0")),
                findings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019", "2021"})
    void skipsARuleInstanceWithABlankCell(String edition) {
        AnnualReport report = TestReports.balanced(edition)
                .cell("reviews.reconsideration.total", (BigDecimal) null)
                .build();

        assertEquals(List.of(), engine.evaluate(report));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019", "2021"})
    void reportsNegativeCountsAndAmounts(String edition) {
        AnnualReport report = TestReports.balanced(edition)
                .cell("activeDisclosure.licensing.decisions", -1)
                .cell("processingFees.amountYuan", new BigDecimal("-2.5"))
                .build();

        assertEquals(
                List.of(
                        new Finding(
                                "NON-NEGATIVE", Severity.ERROR, List.of("activeDisclosure.licensing.decisions"), ""),
                        new Finding("NON-NEGATIVE", Severity.ERROR, List.of("processingFees.amountYuan"), "")),
                engine.evaluate(report).stream()
                        .map(RuleEngineTest::withoutMessage)
                        .toList());
    }

    @Test
    void allowsANegativeChangeInEdition2019() {
        AnnualReport report = TestReports.balanced("2019")
                .cell("activeDisclosure.punishment.change", -3)
                .build();

        assertEquals(List.of(), engine.evaluate(report));
    }

    @Test
    void checksLegacyFiguresOnlyForSign() {
        AnnualReport report = ReportBuilder.blank("legacy", 2013)
                .cell("legacy.granted", 12)
                .cell("legacy.applicationsReceived", 3)
                .cell("legacy.withheld", -1)
                .build();

        List<Finding> findings = engine.evaluate(report);

        assertEquals(List.of("legacy.withheld"), findings.get(0).cells());
        assertEquals(1, findings.size());
    }

    static Finding balance(String column) {
        return new Finding(
                "APP-BALANCE",
                Severity.ERROR,
                List.of(
                        "applications.newReceived." + column,
                        "applications.carriedOver." + column,
                        "applications.totalProcessed." + column,
                        "applications.carriedForward." + column),
                "");
    }

    static Finding withoutMessage(Finding f) {
        return new Finding(f.rule(), f.severity(), f.cells(), "");
    }

    static List<Finding> only(String rule, List<Finding> findings) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }
}
