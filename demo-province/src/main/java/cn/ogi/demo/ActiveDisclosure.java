package cn.ogi.demo;

import cn.ogi.form.edition.EditionId;
import cn.ogi.form.identity.DivisionLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One agency's 主动公开 (active disclosure) over the years: rules and normative documents issued, repealed and in
 * force (edition 2021) or made and published (edition 2019), the decisions and items it reports, its fees.
 */
final class ActiveDisclosure {

    private static final String[] ITEM_ROWS_2019 = {"licensing", "otherExternalServices", "punishment", "enforcement"};

    private final SplittableRandom random;
    private final Draws draws;
    private final boolean government;
    private final double licensing;
    private final double punishment;
    private final double enforcement;
    private final boolean collectsFees;
    private final double rulesPerYear;
    private final double documentsPerYear;
    private long rulesInForce;
    private long documentsInForce;
    private long rulesPublished;
    private long documentsPublished;
    private final long[] items = new long[ITEM_ROWS_2019.length + 1]; // + administrativeFees

    /** Draws the agency's habits from its stream (in this order: the demo stays the same byte for byte). */
    ActiveDisclosure(boolean government, DivisionLevel level, SplittableRandom random, Draws draws) {
        this.random = random;
        this.draws = draws;
        this.government = government;
        double scale = level == DivisionLevel.PROVINCE ? 3 : level == DivisionLevel.CITY ? 1.5 : 1;
        boolean enforcing = !government && random.nextDouble() < 0.45;
        this.licensing = enforcing ? scale * 150 * Math.exp(random.nextGaussian()) : random.nextInt(5);
        this.punishment = enforcing ? scale * 80 * Math.exp(random.nextGaussian()) : random.nextInt(3);
        this.enforcement = enforcing ? scale * 10 * Math.exp(random.nextGaussian()) : 0;
        this.collectsFees = !government && random.nextDouble() < 0.3;
        this.rulesPerYear =
                government ? (level == DivisionLevel.PROVINCE ? 6 : level == DivisionLevel.CITY ? 2 : 0) : 0;
        this.documentsPerYear = (government ? 6 : 1.5) * scale;
        this.rulesInForce = Math.round(rulesPerYear * (15 + random.nextInt(10)));
        this.documentsInForce = Math.round(documentsPerYear * (5 + random.nextInt(8)));
        this.rulesPublished = rulesInForce + Math.round(rulesPerYear * random.nextInt(6));
        this.documentsPublished = documentsInForce + Math.round(documentsPerYear * random.nextInt(6));
        for (int i = 0; i < items.length; i++) {
            items[i] = i == ITEM_ROWS_2019.length
                    ? (collectsFees ? 3 + random.nextInt(12) : 0)
                    : (enforcing ? 10 + random.nextInt(60) : random.nextInt(4));
        }
    }

    /** The year's section; with IN-FORCE-CHAIN the printed documents in force are off by a recount. */
    void write(
            Sheet report, double trend, EditionId edition, String warningRule, int warningDelta, List<String> warned) {
        long rulesIssued = draws.poisson(rulesPerYear);
        long documentsIssued = draws.poisson(documentsPerYear * trend);
        if (edition == EditionId.FORM_2021) {
            write2021(report, trend, rulesIssued, documentsIssued, "IN-FORCE-CHAIN".equals(warningRule), warningDelta);
            if ("IN-FORCE-CHAIN".equals(warningRule)) {
                warned.add("activeDisclosure.normativeDocuments.inForce");
            }
        } else {
            write2019(report, trend, rulesIssued, documentsIssued);
        }
    }

    private void write2021(
            Sheet report, double t, long rulesIssued, long documentsIssued, boolean recount, int warningDelta) {
        long rulesRepealed = draws.binomial(rulesInForce, 0.04);
        long documentsRepealed = draws.binomial(documentsInForce, 0.06);
        rulesInForce += rulesIssued - rulesRepealed;
        documentsInForce += documentsIssued - documentsRepealed;
        if (recount) {
            // a recount: the printed number of documents in force is not last year's plus the changes;
            // it becomes the truth the next year builds on
            long delta = random.nextBoolean() || documentsInForce < warningDelta ? warningDelta : -warningDelta;
            documentsInForce += delta;
        }
        report.cell("activeDisclosure.rules.issued", rulesIssued)
                .cell("activeDisclosure.rules.repealed", rulesRepealed)
                .cell("activeDisclosure.rules.inForce", rulesInForce)
                .cell("activeDisclosure.normativeDocuments.issued", documentsIssued)
                .cell("activeDisclosure.normativeDocuments.repealed", documentsRepealed)
                .cell("activeDisclosure.normativeDocuments.inForce", documentsInForce)
                .cell("activeDisclosure.licensing.decisions", draws.poisson(licensing * t))
                .cell("activeDisclosure.punishment.decisions", draws.poisson(punishment * t))
                .cell("activeDisclosure.enforcement.decisions", draws.poisson(enforcement * t))
                .cell(
                        "activeDisclosure.administrativeFees.amountWan",
                        collectsFees ? Draws.amount(60 * t * Math.exp(random.nextGaussian() * 1.2)) : BigDecimal.ZERO);
    }

    private void write2019(Sheet report, double t, long rulesIssued, long documentsIssued) {
        rulesPublished += rulesIssued;
        documentsPublished += documentsIssued;
        // the 2019 form counts what was published; the 2021 form what is in force: keep both moving
        rulesInForce += rulesIssued - draws.binomial(rulesInForce, 0.04);
        documentsInForce += documentsIssued - draws.binomial(documentsInForce, 0.06);
        report.cell("activeDisclosure.rules.newlyMade", rulesIssued)
                .cell("activeDisclosure.rules.newlyPublished", rulesIssued)
                .cell("activeDisclosure.rules.totalPublished", rulesPublished)
                .cell("activeDisclosure.normativeDocuments.newlyMade", documentsIssued)
                .cell("activeDisclosure.normativeDocuments.newlyPublished", documentsIssued)
                .cell("activeDisclosure.normativeDocuments.totalPublished", documentsPublished);
        double[] decisions = {licensing * t, licensing * t * 0.3, punishment * t, enforcement * t};
        for (int i = 0; i < ITEM_ROWS_2019.length; i++) {
            long change = Math.max(-items[i], random.nextInt(6) - 2);
            report.cell("activeDisclosure." + ITEM_ROWS_2019[i] + ".previousYearItems", items[i])
                    .cell("activeDisclosure." + ITEM_ROWS_2019[i] + ".change", change)
                    .cell("activeDisclosure." + ITEM_ROWS_2019[i] + ".decisions", draws.poisson(decisions[i]));
            items[i] += change;
        }
        int fees = ITEM_ROWS_2019.length;
        long feeChange = collectsFees ? Math.max(-items[fees], random.nextInt(3) - 1) : 0;
        report.cell("activeDisclosure.administrativeFees.previousYearItems", items[fees])
                .cell("activeDisclosure.administrativeFees.change", feeChange);
        items[fees] += feeChange;
        long projects = draws.poisson(government ? 4 : 1.5);
        report.cell("activeDisclosure.centralizedProcurement.projects", projects)
                .cell(
                        "activeDisclosure.centralizedProcurement.amountWan",
                        projects == 0
                                ? BigDecimal.ZERO
                                : Draws.amount(projects * 35 * Math.exp(random.nextGaussian() * 0.8)));
    }
}
