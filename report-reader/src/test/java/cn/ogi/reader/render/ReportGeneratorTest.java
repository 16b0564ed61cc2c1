package cn.ogi.reader.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.rules.RuleEngine;
import cn.ogi.form.rules.Severity;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The generator and the renderers are what the property test stands on: deterministic, realistic, faithful. */
class ReportGeneratorTest {

    private static final int REPORTS = 2_000;
    private final ReportGenerator generator = new ReportGenerator();

    @Test
    void sameSeedGivesTheSameReportAndTheSameRenderings() {
        for (long seed = 1; seed <= 20; seed++) {
            GeneratedReport a = generator.generate(seed);
            GeneratedReport b = generator.generate(seed);
            assertEquals(a, b);
            for (Renderer form : Renderers.textForms()) {
                assertArrayEquals(
                        form.render(a, new Random(seed)).bytes(),
                        form.render(b, new Random(seed)).bytes(),
                        form.name());
            }
        }
    }

    @Test
    void mostReportsBalanceAndAboutOneInTenPrintsAContradictingTotal() {
        int broken = 0;
        int allZeroReviews = 0;
        int merged = 0;
        int withBlanks = 0;
        int withNotStatedRow = 0;
        int large = 0;
        for (long seed = 0; seed < REPORTS; seed++) {
            GeneratedReport r = generator.generate(seed);
            boolean engineFindsErrors = RuleEngine.standard().evaluate(r.truth()).stream()
                    .anyMatch(f -> f.severity() == Severity.ERROR && !f.rule().equals("NON-NEGATIVE"));
            assertEquals(engineFindsErrors, !r.brokenRules().isEmpty(), "seed " + seed);
            broken += r.brokenRules().isEmpty() ? 0 : 1;
            allZeroReviews += r.truth().cells().asMap().entrySet().stream()
                            .filter(e -> e.getKey().startsWith("reviews."))
                            .allMatch(e -> e.getValue().signum() == 0)
                    ? 1
                    : 0;
            merged +=
                    r.truth().edition().equals("2021") && !r.has("applications.otherDisposal.unpaidFee.total") ? 1 : 0;
            withBlanks += r.blankCells().isEmpty() ? 0 : 1;
            withNotStatedRow += r.truth().cells().asMap().containsValue(null) ? 1 : 0;
            large += r.value("applications.newReceived.total").intValue() >= 1000 ? 1 : 0;
        }
        assertBetween(broken, 0.06, 0.14, "reports breaking a rule");
        assertBetween(allZeroReviews, 0.3, 0.7, "reports with Table 3 all zero");
        assertBetween(merged, 0.03, 0.2, "edition-2021 reports with a merged （六） row");
        assertBetween(withBlanks, 0.3, 0.6, "reports printing zero cells blank");
        assertBetween(withNotStatedRow, 0.05, 0.3, "reports with a Table 1 row not stated");
        assertBetween(large, 0.05, 0.4, "reports with a four- or five-digit intake");
    }

    @Test
    void everyNumberPrintedInAPipeScrapeIsTheTruthsCell() {
        for (long seed = 0; seed < 200; seed++) {
            GeneratedReport r = generator.generate(seed);
            String text = new PipeScrapeRenderer().render(r, new Random(seed)).text();
            for (String key : r.truth().cells().keys()) {
                String printed = r.printed(key);
                if (!printed.isEmpty() && !key.startsWith("processingFees.")) {
                    assertTrue(
                            text.contains("| " + printed + " |") || text.contains("\n" + printed + " |"),
                            "seed " + seed + ": " + key + " = " + printed);
                }
            }
        }
    }

    private static void assertBetween(int count, double low, double high, String what) {
        double share = (double) count / REPORTS;
        assertTrue(share >= low && share <= high, what + ": " + share + " not in [" + low + ", " + high + "]");
    }
}
