package cn.ogi.demo;

import cn.ogi.form.edition.EditionId;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.identity.DivisionLevel;
import cn.ogi.form.model.AnnualReport;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** One agency's years: the true state carried from year to year, and the reports it publishes. */
final class AgencyHistory {

    static final String[] APPLICANTS = {
        "naturalPerson", "commercial", "research", "socialWelfare", "legalService", "other"
    };
    private static final double[] APPLICANT_SHARES = {0.86, 0.07, 0.004, 0.006, 0.03, 0.03};

    /** The applications rows that are not an outcome: what came in, what was carried, the total, what goes on. */
    private static final List<String> BALANCE_ROWS =
            List.of("newReceived", "carriedOver", "totalProcessed", "carriedForward");

    /**
     * Outcome rows of edition 2021, in the form's order, from its definition; {@code OUTCOME_SHARES} are theirs in
     * that order. Edition 2019 folds otherDisposal.* into otherDisposal.other.
     */
    private static final String[] OUTCOMES =
            Editions.standard().get(EditionId.FORM_2021).rowKeys("applications").stream()
                    .filter(row -> !BALANCE_ROWS.contains(row))
                    .toArray(String[]::new);

    private static final double[] OUTCOME_SHARES = {
        0.40, 0.08, 0.003, 0.005, 0.004, 0.01, 0.01, 0.015, 0.01, 0.01, 0.22, 0.04, 0.02, 0.04, 0.03, 0.005, 0.01, 0.01,
        0.03, 0.002, 0.04
    };

    static {
        if (OUTCOMES.length != OUTCOME_SHARES.length) {
            throw new IllegalStateException("edition 2021 has " + OUTCOMES.length + " outcome rows, the demo shares "
                    + OUTCOME_SHARES.length + ": give the new row its share");
        }
    }

    private static final String[] REVIEW_GROUPS = {
        "reconsideration", "litigationDirect", "litigationAfterReconsideration"
    };
    private static final double[] REVIEW_SHARES = {0.62, 0.10, 0.16, 0.12};
    private static final int REVIEW_RESULTS = 4; // upheld, corrected, other, pending

    private final Agency agency;
    private final DemoSettings settings;
    private final SplittableRandom random;
    private final Draws draws;
    private final boolean government;
    /** Expected new applications per year before the trend. */
    private final double rate;

    private final double pendingShare;
    private final ActiveDisclosure disclosure;
    private final long[] carried = new long[APPLICANTS.length];
    /** The year and edition of the report published the year before (0: none), for the cross-year warnings. */
    private int previousYear;

    private EditionId previousEdition;

    final List<Submission> submissions = new ArrayList<>();
    final List<AgencyYear> missing = new ArrayList<>();
    final List<DeliberateWarning> warnings = new ArrayList<>();

    AgencyHistory(Agency agency, DivisionLevel level, DemoSettings settings, SplittableRandom random) {
        this.agency = agency;
        this.settings = settings;
        this.random = random;
        this.draws = new Draws(random);
        this.government = agency.isGovernment();
        double median = switch (level) {
            case PROVINCE -> government ? 600 : 14;
            case CITY -> government ? 160 : 6;
            case COUNTY -> government ? 45 : 3;
        };
        this.rate = median * Math.exp(random.nextGaussian() * (government ? 0.4 : 0.9));
        this.pendingShare = government ? 0.06 : 0.04;
        this.disclosure = new ActiveDisclosure(government, level, random, draws);
        if (agency.reportsFrom() == null) { // reports of 2018 left applications open
            double open = rate * pendingShare;
            for (int c = 0; c < APPLICANTS.length; c++) {
                carried[c] = draws.poisson(open * APPLICANT_SHARES[c]);
            }
        }
    }

    AgencyHistory generate() {
        for (int year = settings.fromYear(); year <= settings.toYear(); year++) {
            DemoProvince.Step step = step(year);
            if (step.submission() != null) {
                submissions.add(step.submission());
            }
            if (step.missing() != null) {
                missing.add(step.missing());
            }
            if (step.warning() != null) {
                warnings.add(step.warning());
            }
        }
        return this;
    }

    /** The agency's year: its report (with its deliberate warning), or the report it deliberately did not send. */
    DemoProvince.Step step(int year) {
        if (!agency.reportsIn(year)) {
            previousYear = 0;
            return DemoProvince.Step.NONE;
        }
        // Every draw happens whatever is decided, so one decision never shifts the others.
        boolean isMissing = random.nextDouble() < settings.missingRate();
        boolean isLate = random.nextDouble() < settings.lateRate();
        boolean isWarning = random.nextDouble() < settings.warningRate();
        boolean inForceWarning = random.nextBoolean();
        int warningDelta = 1 + random.nextInt(3);
        EditionId edition =
                EditionId.fromId(Editions.standard().forYear(year).id()).orElseThrow();
        boolean canWarn = previousYear == year - 1;
        String warningRule = !isWarning || !canWarn
                ? null
                : inForceWarning && edition == EditionId.FORM_2021 && previousEdition == EditionId.FORM_2021
                        ? "IN-FORCE-CHAIN"
                        : "CARRY-CHAIN";
        Sheet report = new Sheet(edition.id(), year, agency.code(), agency.name());
        List<String> warnedCells = new ArrayList<>();
        applications(report, year, edition, warningRule, warningDelta, warnedCells);
        reviews(report, year);
        disclosure.write(report, trend(year), edition, warningRule, warningDelta, warnedCells);
        processingFees(report, year);
        OffsetDateTime submittedAt = submittedAt(year, isLate);
        report.publishedOn(submittedAt.toLocalDate());
        AnnualReport built = report.build();
        if (isMissing) {
            previousYear = 0;
            return new DemoProvince.Step(null, null, new AgencyYear(agency.code(), year));
        }
        DeliberateWarning warning = warningRule == null
                ? null
                : new DeliberateWarning(new AgencyYear(agency.code(), year), warningRule, warnedCells);
        LocalDate deadline = DemoProvince.deadline(agency.kind(), year);
        Submission submission = new Submission(
                built, submittedAt, deadline, submittedAt.toLocalDate().isAfter(deadline));
        previousYear = year;
        previousEdition = edition;
        return new DemoProvince.Step(submission, warning, null);
    }

    private void applications(
            Sheet report, int year, EditionId edition, String warningRule, int warningDelta, List<String> warnedCells) {
        double expected = rate * trend(year) * Math.exp(random.nextGaussian() * 0.25);
        long received = draws.poisson(expected);
        long[] newReceived = draws.multinomial(received, APPLICANT_SHARES);
        boolean edition2019 = edition == EditionId.FORM_2019;
        for (int c = 0; c < APPLICANTS.length; c++) {
            String column = APPLICANTS[c];
            long carriedOver = carried[c];
            long open = newReceived[c] + carriedOver;
            long forward = draws.binomial(open, pendingShare);
            long[] outcomes = draws.multinomial(open - forward, OUTCOME_SHARES);
            long reportedOver = carriedOver;
            if ("CARRY-CHAIN".equals(warningRule) && c == 0) {
                // the agency misprints last year's backlog and counts as many more as granted: the report
                // balances, but carriedOver no longer equals last year's carriedForward
                reportedOver += warningDelta;
                outcomes[0] += warningDelta;
                warnedCells.add("applications.carriedOver." + column);
            }
            report.applications("newReceived", c, newReceived[c])
                    .applications("carriedOver", c, reportedOver)
                    .applications("carriedForward", c, forward);
            for (int o = 0; o < OUTCOMES.length; o++) {
                // edition 2019 has a single row (六) 其他处理: otherDisposal.other
                report.addApplications(
                        edition2019 && OUTCOMES[o].startsWith("otherDisposal.") ? "otherDisposal.other" : OUTCOMES[o],
                        c,
                        outcomes[o]);
            }
            carried[c] = forward;
        }
    }

    private void reviews(Sheet report, int year) {
        double volume = rate * trend(year);
        double[] expected = {volume * (government ? 0.04 : 0.02) + 0.05, volume * 0.012 + 0.02, volume * 0.005 + 0.01};
        for (int g = 0; g < REVIEW_GROUPS.length; g++) {
            long[] results = draws.multinomial(draws.poisson(expected[g]), REVIEW_SHARES);
            for (int r = 0; r < REVIEW_RESULTS; r++) {
                report.reviews(REVIEW_GROUPS[g], r, results[r]);
            }
        }
    }

    private void processingFees(Sheet report, int year) {
        // 信息处理费 are charged since 2021 (国办函〔2020〕109号), and rarely
        long notices = 0;
        long yuan = 0;
        if (year >= 2021 && random.nextDouble() < (government ? 0.08 : 0.015)) {
            notices = 1L + random.nextInt(3);
            for (int n = 0; n < notices; n++) {
                yuan += 100 + 10L * random.nextInt(150);
            }
        }
        report.cell("processingFees.amountYuan", yuan).cell("processingFees.notices", notices);
    }

    /**
     * The intended submission time: on time most days near the deadline (departments from early January,
     * governments from mid-February), or 1–45 days after the deadline when late.
     */
    private OffsetDateTime submittedAt(int year, boolean late) {
        LocalDate deadline = DemoProvince.deadline(agency.kind(), year);
        LocalDate day;
        if (late) {
            day = deadline.plusDays(1 + random.nextInt(45));
        } else {
            int window = government ? 44 : 27;
            double u = random.nextDouble();
            day = deadline.minusDays((long) Math.floor(window * u * u));
        }
        LocalTime time = LocalTime.of(8, 30).plusSeconds(random.nextInt(9 * 3600 + 30 * 60));
        return OffsetDateTime.of(day, time, DemoProvince.CHINA);
    }

    private static double trend(int year) {
        return 1 + 0.07 * (year - 2019);
    }
}
