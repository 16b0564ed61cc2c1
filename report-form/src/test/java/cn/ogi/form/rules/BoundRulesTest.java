package cn.ogi.form.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.TestReports;
import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.CellType;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The engine binds each edition's rules once and reuses them for every report: that must give, for any report, with
 * and without the year before, and from many threads at once, exactly the findings — codes, cells, messages, order —
 * of binding them on every run ({@link UnboundRuleEngine}, the engine as it was).
 */
class BoundRulesTest {

    private static final int REPORTS_PER_EDITION = 600;

    private final RuleEngine bound = RuleEngine.standard();
    private final UnboundRuleEngine unbound = new UnboundRuleEngine(Editions.standard());

    @Test
    void findsWhatBindingOnEveryRunFindsForManyReports() {
        Random random = new Random(20261202);
        int findings = 0;
        Set<String> rulesSeen = new HashSet<>();
        for (EditionDefinition edition : Editions.standard().all()) {
            List<AnnualReport> reports = reports(edition, random);
            for (int i = 0; i < reports.size(); i++) {
                AnnualReport report = reports.get(i);
                AnnualReport previous = reports.get((i + 1) % reports.size());
                List<Finding> alone = unbound.evaluate(report, null);
                List<Finding> withPrevious = unbound.evaluate(report, previous);
                assertEquals(alone, bound.evaluate(report), edition.id() + " report " + i);
                assertEquals(withPrevious, bound.evaluate(report, previous), edition.id() + " report " + i);
                findings += alone.size() + withPrevious.size();
                withPrevious.forEach(f -> rulesSeen.add(f.rule()));
            }
        }
        // the reports break rules of every kind (else the comparison would say little about the failing path)
        assertTrue(findings > 10 * REPORTS_PER_EDITION, "findings: " + findings);
        assertTrue(
                rulesSeen.containsAll(Set.of("APP-BALANCE", "APP-TOTAL-ROW", "NON-NEGATIVE", "CARRY-CHAIN")),
                "rules broken: " + rulesSeen);
    }

    @Test
    void givesTheSameFindingsFromManyThreadsAtOnce() {
        Random random = new Random(7);
        for (EditionDefinition edition : Editions.standard().all()) {
            List<AnnualReport> reports = reports(edition, random);
            List<List<Finding>> expected = reports.stream()
                    .map(r -> unbound.evaluate(r, reports.get(0)))
                    .toList();
            List<List<Finding>> parallel = IntStream.range(0, reports.size())
                    .parallel()
                    .mapToObj(i -> bound.evaluate(reports.get(i), reports.get(0)))
                    .toList();
            assertEquals(expected, parallel, edition.id());
        }
    }

    @Test
    void refusesAReportOfAnEditionItDoesNotKnow() {
        AnnualReport report = new AnnualReport(null, null, 2023, "1999", null, null, null, null);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bound.evaluate(report));

        assertTrue(e.getMessage().contains("unknown edition '1999'"), e.getMessage());
    }

    /**
     * Reports of the edition: a balanced one where the edition has the tables, each copy with a few cells changed —
     * removed (row not printed), blank, another count, a decimal, a negative number — so that some rules hold, some
     * break and some instances are skipped.
     */
    private static List<AnnualReport> reports(EditionDefinition edition, Random random) {
        AnnualReport base = edition.hasCell("applications.newReceived.total")
                ? TestReports.balanced(edition.id()).build()
                : randomFilled(edition, random);
        List<AnnualReport> reports = new ArrayList<>(List.of(base));
        for (int i = 1; i < REPORTS_PER_EDITION; i++) {
            ReportBuilder builder = ReportBuilder.from(base);
            double rate = i % 3 == 0 ? 0.01 : 0.12;
            for (CellDefinition cell : edition.cells()) {
                if (random.nextDouble() < rate) {
                    change(builder, cell, random);
                }
            }
            reports.add(builder.build());
        }
        return reports;
    }

    private static AnnualReport randomFilled(EditionDefinition edition, Random random) {
        ReportBuilder builder = ReportBuilder.blank(edition.id(), 2015).agencyCode(TestReports.AGENCY_CODE);
        for (CellDefinition cell : edition.cells()) {
            if (random.nextDouble() < 0.8) {
                builder.cell(cell.key(), random.nextInt(20));
            }
        }
        return builder.withComputedTotals().build();
    }

    private static void change(ReportBuilder builder, CellDefinition cell, Random random) {
        double what = random.nextDouble();
        if (what < 0.25) {
            builder.without(cell.key());
        } else if (what < 0.4) {
            builder.cell(cell.key(), (BigDecimal) null);
        } else if (what < 0.85) {
            builder.cell(
                    cell.key(),
                    cell.type() == CellType.AMOUNT
                            ? BigDecimal.valueOf(random.nextInt(10_000), 2)
                            : BigDecimal.valueOf(random.nextInt(15)));
        } else {
            builder.cell(cell.key(), BigDecimal.valueOf(-1 - random.nextInt(3)));
        }
    }
}
