package cn.ogi.reader.render;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.ColumnDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.RuleEngine;
import cn.ogi.form.rules.Severity;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Canonical reports of editions 2019 and 2021 with the values agencies really print: many zeros, small counts,
 * a few large ones; applications that balance in most reports and a contradicting printed total in about one in
 * ten; Table 3 all zero in many; zero cells printed blank; now and then a Table 1 row not stated, a merged
 * （六） block (edition 2021) and a 信息处理费 sentence. Deterministic: one seed, one report.
 */
public final class ReportGenerator {

    private static final String APP = FormVocabulary.APPLICATIONS;

    private final Editions editions = Editions.standard();
    private final RuleEngine rules = RuleEngine.standard();

    public GeneratedReport generate(long seed) {
        Random rnd = new Random(seed);
        boolean edition2019 = rnd.nextInt(3) == 0;
        int year = edition2019 ? 2019 + rnd.nextInt(2) : 2021 + rnd.nextInt(5);
        EditionDefinition edition = editions.forYear(year);
        FormVocabulary vocabulary = Vocabularies.of(edition.id());
        SyntheticProse prose = new SyntheticProse(rnd);
        ReportBuilder b = ReportBuilder.blank(edition.id(), year).agencyName(prose.agencyName());

        Set<String> notStatedRows = fillActiveDisclosure(vocabulary, b, rnd);
        fillApplications(vocabulary, b, rnd);
        fillReviews(vocabulary, b, rnd);
        b.withComputedTotals();
        if (edition.id().equals("2021") && rnd.nextInt(7) == 0) {
            mergeOtherDisposal(vocabulary, b);
        }
        AnnualReport balanced = b.build();
        if (rnd.nextInt(10) == 0) {
            balanced = RuleBreaker.breakOneTotal(balanced, vocabulary, rnd);
        }
        GeneratedReport.FeeStatement fee = fee(rnd);
        b = ReportBuilder.from(balanced);
        if (fee != null) {
            b.cell("processingFees.amountYuan", fee.amountYuan());
        }
        for (String row : notStatedRows) {
            for (CellDefinition c : edition.cells()) {
                if (c.section().equals(FormVocabulary.ACTIVE) && c.row().equals(row)) {
                    b.cell(c.key(), null);
                }
            }
        }
        if (rnd.nextInt(5) != 0) {
            b.publishedOn(java.time.LocalDate.of(year + 1, 1 + rnd.nextInt(3), 1 + rnd.nextInt(28)));
        }
        b.narrative(prose.narrative(balanced, fee));
        AnnualReport truth = b.build();
        List<String> broken = rules.evaluate(truth).stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .map(Finding::rule)
                .distinct()
                .toList();
        Set<String> blank = BlankCells.choose(truth, vocabulary, rnd);
        return new GeneratedReport(seed, truth, blank, broken, fee, PrintHabits.random(rnd));
    }

    private static Set<String> fillActiveDisclosure(FormVocabulary vocabulary, ReportBuilder b, Random rnd) {
        Set<String> notStated = new HashSet<>();
        boolean someNotStated = rnd.nextInt(6) == 0;
        for (FormVocabulary.Block block : vocabulary.blocks()) {
            for (FormVocabulary.Row row : block.rows()) {
                if (someNotStated && rnd.nextInt(4) == 0) {
                    notStated.add(row.key());
                    continue;
                }
                int digits = Values.pickDigits(
                        block.columns().get(block.columns().size() - 1).key(), rnd);
                for (ColumnDefinition c : block.columns()) {
                    b.cell(
                            FormVocabulary.ACTIVE + "." + row.key() + "." + c.key(),
                            Values.tableOne(c.type(), digits, rnd));
                }
            }
        }
        return notStated;
    }

    private static void fillApplications(FormVocabulary vocabulary, ReportBuilder b, Random rnd) {
        List<ColumnDefinition> columns = vocabulary.applicantColumns();
        int intake = Values.intakeSize(rnd);
        double[] shares = Values.applicantShares(columns.size() - 1, rnd);
        List<String> outcomes = vocabulary.outcomeRows();
        double[] weights = Values.outcomeWeights(outcomes.size(), rnd);
        List<String> intakeRows = vocabulary.intakeRows();
        double carriedShare = rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble() * 0.12;
        double forwardShare = rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble() * 0.12;
        for (int c = 0; c < columns.size() - 1; c++) { // the last column is the total, derived
            String column = columns.get(c).key();
            long fresh = Math.round(intake * shares[c]);
            long carried = Math.round(fresh * carriedShare * rnd.nextDouble() * 2);
            b.cell(key(intakeRows.get(0), column), fresh);
            b.cell(key(intakeRows.get(1), column), carried);
            long available = fresh + carried;
            long forward = Math.min(available, Math.round(available * forwardShare * rnd.nextDouble() * 2));
            b.cell(key(vocabulary.forwardRow(), column), forward);
            long[] split = Values.distribute(available - forward, weights, rnd);
            for (int o = 0; o < outcomes.size(); o++) {
                b.cell(key(outcomes.get(o), column), split[o]);
            }
        }
    }

    private static void fillReviews(FormVocabulary vocabulary, ReportBuilder b, Random rnd) {
        boolean allZero = rnd.nextInt(100) < 45;
        int scale = rnd.nextInt(10) == 0 ? 300 : rnd.nextInt(3) == 0 ? 30 : 4;
        for (FormVocabulary.ReviewGroup group : vocabulary.reviewGroups()) {
            boolean active = !allZero && rnd.nextInt(3) != 0;
            for (ColumnDefinition c : vocabulary.reviewColumns()) {
                if (!c.key().equals("total")) {
                    long v = active && rnd.nextInt(3) != 0 ? rnd.nextInt(scale + 1) : 0;
                    b.reviews(group.key(), c.key(), v);
                }
            }
        }
    }

    /** Edition 2021 printed with one （六）其他处理 row: the parts fold into the last item, the others vanish. */
    private static void mergeOtherDisposal(FormVocabulary vocabulary, ReportBuilder b) {
        AnnualReport r = b.build();
        List<FormVocabulary.ApplicationRow> block = vocabulary.applicationRows().stream()
                .filter(row -> "六".equals(row.subNumber()))
                .toList();
        String kept = block.get(block.size() - 1).key();
        for (ColumnDefinition c : vocabulary.applicantColumns()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (FormVocabulary.ApplicationRow row : block) {
                sum = sum.add(r.cells().value(key(row.key(), c.key())).orElse(BigDecimal.ZERO));
                if (!row.key().equals(kept)) {
                    b.without(key(row.key(), c.key()));
                }
            }
            b.cell(key(kept, c.key()), sum);
        }
    }

    private static GeneratedReport.FeeStatement fee(Random rnd) {
        if (rnd.nextBoolean()) {
            return null;
        }
        if (rnd.nextInt(5) < 3) {
            return new GeneratedReport.FeeStatement(BigDecimal.ZERO, true);
        }
        BigDecimal amount = rnd.nextInt(3) == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(10 + rnd.nextInt(3000))
                        .add(rnd.nextBoolean() ? new BigDecimal("0.5") : BigDecimal.ZERO);
        return new GeneratedReport.FeeStatement(amount, false);
    }

    private static String key(String row, String column) {
        return APP + "." + row + "." + column;
    }
}
