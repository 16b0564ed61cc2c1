package cn.ogi.form.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.TestReports;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules that compare a report with the same agency's report of the year before. */
class CrossYearRulesTest {

    private final RuleEngine engine = RuleEngine.standard();

    /** The balanced test report carries over 1 natural-person application. */
    private static AnnualReport previousCarryingForward(String edition, int year, long naturalPerson) {
        return ReportBuilder.blank(edition, year)
                .applications("carriedForward", "naturalPerson", naturalPerson)
                .withComputedTotals()
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019", "2021"})
    void carryChainHoldsWhenLastYearCarriedForwardWhatThisYearCarriedOver(String edition) {
        AnnualReport current = TestReports.balanced(edition, edition.equals("2019") ? 2020 : 2022)
                .build();

        assertEquals(List.of(), engine.evaluate(current, previousCarryingForward(edition, current.year() - 1, 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019", "2021"})
    void carryChainWarnsWhenTheYearsDisagree(String edition) {
        AnnualReport current = TestReports.balanced(edition, edition.equals("2019") ? 2020 : 2022)
                .build();

        List<Finding> findings = engine.evaluate(current, previousCarryingForward(edition, current.year() - 1, 4));

        assertEquals(
                List.of(
                        new Finding(
                                "CARRY-CHAIN", Severity.WARNING, List.of("applications.carriedOver.naturalPerson"), ""),
                        new Finding("CARRY-CHAIN", Severity.WARNING, List.of("applications.carriedOver.total"), "")),
                findings.stream().map(RuleEngineTest::withoutMessage).toList());
        assertTrue(findings.get(0).message().contains("4"), findings.get(0).message());
    }

    @Test
    void carryChainWorksAcrossEditions() {
        AnnualReport current = TestReports.balanced("2021", 2021).build();

        List<Finding> findings = engine.evaluate(current, previousCarryingForward("2019", 2020, 4));

        assertEquals(2, RuleEngineTest.only("CARRY-CHAIN", findings).size());
    }

    @Test
    void crossYearRulesDoNotRunWithoutAPreviousYear() {
        AnnualReport current = TestReports.balanced("2021")
                .cell("activeDisclosure.rules.inForce", 7)
                .build();

        assertEquals(List.of(), engine.evaluate(current, null));
    }

    @Test
    void inForceChainHoldsWhenLastYearPlusIssuedMinusRepealedMatches() {
        AnnualReport previous = TestReports.balanced("2021", 2022)
                .cell("activeDisclosure.rules.inForce", 10)
                .build();
        AnnualReport current = inForce(2, 1, 11);

        assertEquals(List.of(), RuleEngineTest.only("IN-FORCE-CHAIN", engine.evaluate(current, previous)));
    }

    @Test
    void inForceChainWarnsWhenTheCountJumps() {
        AnnualReport previous = TestReports.balanced("2021", 2022)
                .cell("activeDisclosure.rules.inForce", 10)
                .build();

        List<Finding> findings = RuleEngineTest.only("IN-FORCE-CHAIN", engine.evaluate(inForce(2, 1, 12), previous));

        assertEquals(
                List.of(new Finding(
                        "IN-FORCE-CHAIN",
                        Severity.WARNING,
                        List.of(
                                "activeDisclosure.rules.inForce",
                                "activeDisclosure.rules.issued",
                                "activeDisclosure.rules.repealed"),
                        "")),
                findings.stream().map(RuleEngineTest::withoutMessage).toList());
        assertTrue(
                findings.get(0).message().contains("12")
                        && findings.get(0).message().contains("11"),
                findings.get(0).message());
    }

    @Test
    void inForceChainIsSkippedWhenThePreviousReportHasNoInForce() {
        AnnualReport previous = ReportBuilder.blank("2019", 2020).build();

        assertEquals(List.of(), RuleEngineTest.only("IN-FORCE-CHAIN", engine.evaluate(inForce(2, 1, 12), previous)));
    }

    private static AnnualReport inForce(long issued, long repealed, long inForce) {
        return TestReports.balanced("2021", 2023)
                .cell("activeDisclosure.rules.issued", issued)
                .cell("activeDisclosure.rules.repealed", repealed)
                .cell("activeDisclosure.rules.inForce", inForce)
                .build();
    }
}
