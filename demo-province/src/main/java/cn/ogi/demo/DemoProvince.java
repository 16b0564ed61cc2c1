package cn.ogi.demo;

import cn.ogi.form.edition.Editions;
import cn.ogi.form.identity.CreditCode;
import cn.ogi.form.model.AnnualReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Generates a demo province deterministically from {@link DemoSettings}: same settings, same province,
 * byte for byte.
 * <ul>
 *   <li>the jurisdiction tree: 示范省 {@code pp0000} (pp = {@link DemoSettings#province()}, 37 by default),
 *       cities {@code ppcc00}, counties {@code ppccnn};</li>
 *   <li>agencies: a people's government ({@code government}) and departments ({@code department}) at every
 *       level, each with a valid 统一社会信用代码 ({@code 11} + division code + organisation code with its
 *       GB 11714 check digit + GB 32100 check character); a few created part-way (reportsFrom) or
 *       abolished part-way (reportsUntil);</li>
 *   <li>for every year and every agency expected to report: a report in the year's edition whose numbers
 *       reconcile (every error rule holds) and chain across years (carriedOver = last year's carriedForward;
 *       edition 2021 inForce = last year's inForce + issued − repealed), or, for a few, no report
 *       ({@link Demo#missing()}); a few are submitted after the deadline ({@link Demo#late()}) and a few
 *       break a cross-year warning rule on purpose ({@link Demo#warnings()}).</li>
 * </ul>
 * Each agency draws from its own random stream (seed and agency index), so the numbers of one agency do
 * not depend on how many agencies come after it.
 */
public final class DemoProvince {

    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    static final String[] APPLICANTS = {
        "naturalPerson", "commercial", "research", "socialWelfare", "legalService", "other"
    };
    private static final double[] APPLICANT_SHARES = {0.86, 0.07, 0.004, 0.006, 0.03, 0.03};

    /** Outcome rows of edition 2021 and their shares; edition 2019 folds otherDisposal.* into otherDisposal.other. */
    private static final String[] OUTCOMES = {
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
        "otherDisposal.noCorrection",
        "otherDisposal.unpaidFee",
        "otherDisposal.other"
    };

    private static final double[] OUTCOME_SHARES = {
        0.40, 0.08, 0.003, 0.005, 0.004, 0.01, 0.01, 0.015, 0.01, 0.01, 0.22, 0.04, 0.02, 0.04, 0.03, 0.005, 0.01, 0.01,
        0.03, 0.002, 0.04
    };
    private static final String[] REVIEW_GROUPS = {
        "reconsideration", "litigationDirect", "litigationAfterReconsideration"
    };
    private static final String[] REVIEW_RESULTS = {"upheld", "corrected", "other", "pending"};
    private static final double[] REVIEW_SHARES = {0.62, 0.10, 0.16, 0.12};
    private static final String[] ITEM_ROWS_2019 = {"licensing", "otherExternalServices", "punishment", "enforcement"};

    private DemoProvince() {}

    public static Demo generate(DemoSettings settings) {
        SplittableRandom registryRandom = new SplittableRandom(settings.seed());
        Registry registry = new Registry(settings, registryRandom);
        // Each agency has its own random stream, so the agencies can be generated in parallel and the result
        // is still the same: they are collected in registry order, then sorted.
        List<AgencyHistory> histories = IntStream.range(0, registry.agencies.size())
                .parallel()
                .mapToObj(i -> new AgencyHistory(
                                registry.agencies.get(i), registry.levels.get(i), settings, agencyRandom(settings, i))
                        .generate())
                .toList();
        List<Submission> submissions = new ArrayList<>();
        List<AgencyYear> missing = new ArrayList<>();
        List<DeliberateWarning> warnings = new ArrayList<>();
        for (AgencyHistory history : histories) {
            submissions.addAll(history.submissions);
            missing.addAll(history.missing);
            warnings.addAll(history.warnings);
        }
        submissions.sort(Comparator.comparing(Submission::submittedAt)
                .thenComparing(s -> s.report().agencyCode()));
        missing.sort(Comparator.naturalOrder());
        List<AgencyYear> late = submissions.stream()
                .filter(Submission::late)
                .map(Submission::key)
                .sorted()
                .toList();
        warnings.sort(Comparator.comparing(DeliberateWarning::report));
        return new Demo(
                settings,
                List.copyOf(registry.jurisdictions),
                List.copyOf(registry.agencies),
                List.copyOf(submissions),
                List.copyOf(missing),
                late,
                List.copyOf(warnings));
    }

    /** The jurisdiction tree alone (nothing else generated): province, then each city followed by its counties. */
    public static List<Jurisdiction> jurisdictions(DemoSettings settings) {
        return List.copyOf(new Registry(settings, new SplittableRandom(settings.seed())).jurisdictions);
    }

    /** The deadline day of an agency kind's report for a year: 31 January (departments), 31 March (governments). */
    public static LocalDate deadline(String kind, int year) {
        return Agency.GOVERNMENT.equals(kind) ? LocalDate.of(year + 1, 3, 31) : LocalDate.of(year + 1, 1, 31);
    }

    /** A valid 统一社会信用代码 of a government agency: 11, the division, an organisation code, the check character. */
    static String creditCode(String division, String organisationCode) {
        String first17 = "11" + division + organisationCode;
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** An organisation code (GB 11714): 8 digits and their check character (0–9 or X). */
    static String organisationCode(String eightDigits) {
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (eightDigits.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        return eightDigits + (check == 10 ? "X" : check == 11 ? "0" : Integer.toString(check));
    }

    /** The jurisdiction tree and agencies, in registry order. */
    private static final class Registry {
        final List<Jurisdiction> jurisdictions = new ArrayList<>();
        final List<Agency> agencies = new ArrayList<>();
        final List<String> levels = new ArrayList<>();
        private final Set<String> codes = new HashSet<>();
        private final SplittableRandom random;
        private final DemoSettings settings;

        Registry(DemoSettings settings, SplittableRandom random) {
            this.settings = settings;
            this.random = random;
            Names names = new Names(random);
            String province = settings.provinceCode();
            jurisdictions.add(new Jurisdiction(province, Names.PROVINCE, null, "province"));
            addAgencies(province, Names.PROVINCE, "province", settings.provincialDepartments());
            for (int c = 1; c <= settings.cities(); c++) {
                String city = String.format("%02d%02d00", settings.province(), c);
                String cityName = names.city(c);
                jurisdictions.add(new Jurisdiction(city, cityName, province, "city"));
                addAgencies(city, cityName, "city", settings.departmentsPerGovernment());
                for (int k = 1; k <= settings.countiesPerCity(); k++) {
                    String county = String.format("%02d%02d%02d", settings.province(), c, k);
                    String countyName = names.county(k);
                    jurisdictions.add(new Jurisdiction(county, countyName, city, "county"));
                    addAgencies(county, countyName, "county", settings.departmentsPerGovernment());
                }
            }
        }

        private void addAgencies(String division, String place, String level, int departments) {
            add(division, place + "人民政府", Agency.GOVERNMENT, level, false);
            for (int d = 1; d <= departments; d++) {
                String name =
                        place + (level.equals("province") ? Names.provincialDepartment(d) : Names.localDepartment(d));
                add(division, name, Agency.DEPARTMENT, level, true);
            }
        }

        private void add(String division, String name, String kind, String level, boolean mayChange) {
            String code;
            do {
                code = creditCode(division, organisationCode(String.format("%08d", random.nextInt(100_000_000))));
            } while (!codes.add(code));
            Integer from = null;
            Integer until = null;
            double draw = random.nextDouble();
            if (mayChange && draw < settings.reformRate()) {
                // created in an institutional reform: the 2019 round (its first report is for 2019), or later
                from = settings.fromYear() + random.nextInt(3);
            } else if (mayChange && draw < 2 * settings.reformRate()) {
                // abolished: its last report is for 2021 or 2022 (or at least one year before the end)
                until = Math.max(settings.fromYear(), Math.min(2021 + random.nextInt(2), settings.toYear() - 1));
            }
            agencies.add(new Agency(code, name, kind, division, from, until));
            levels.add(level);
        }
    }

    /** What one agency does in one year: publish a report (maybe with a deliberate warning), or skip it. */
    record Step(Submission submission, DeliberateWarning warning, AgencyYear missing) {
        static final Step NONE = new Step(null, null, null);
    }

    /**
     * A province generated a year at a time, every agency in registry order — the same reports as
     * {@link #generate}, without holding more than one year (a country does not fit in memory at once).
     */
    static final class Stepper {
        final List<Jurisdiction> jurisdictions;
        final List<Agency> agencies;
        private final List<AgencyHistory> histories = new ArrayList<>();

        Stepper(DemoSettings settings) {
            Registry registry = new Registry(settings, new SplittableRandom(settings.seed()));
            jurisdictions = List.copyOf(registry.jurisdictions);
            agencies = List.copyOf(registry.agencies);
            for (int i = 0; i < registry.agencies.size(); i++) {
                histories.add(new AgencyHistory(
                        registry.agencies.get(i), registry.levels.get(i), settings, agencyRandom(settings, i)));
            }
        }

        /** Every agency's year, in registry order (generated in parallel; each agency has its own stream). */
        List<Step> year(int year) {
            return histories.parallelStream().map(h -> h.step(year)).toList();
        }
    }

    private static SplittableRandom agencyRandom(DemoSettings settings, int index) {
        return new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L * (index + 1));
    }

    /** One agency's years: the true state carried from year to year, and the reports it publishes. */
    private static final class AgencyHistory {
        private final Agency agency;
        private final DemoSettings settings;
        private final SplittableRandom random;
        private final boolean government;
        /** Expected new applications per year before the trend. */
        private final double rate;

        private final double pendingShare;
        private final double licensing;
        private final double punishment;
        private final double enforcement;
        private final boolean collectsFees;
        private final double rulesPerYear;
        private final double documentsPerYear;

        private final long[] carried = new long[APPLICANTS.length];
        private long rulesInForce;
        private long documentsInForce;
        private long rulesPublished;
        private long documentsPublished;
        private final long[] items = new long[ITEM_ROWS_2019.length + 1]; // + administrativeFees
        /** The year and edition of the report published the year before (0: none), for the cross-year warnings. */
        private int previousYear;

        private String previousEdition;

        AgencyHistory(Agency agency, String level, DemoSettings settings, SplittableRandom random) {
            this.agency = agency;
            this.settings = settings;
            this.random = random;
            this.government = agency.isGovernment();
            double median = switch (level) {
                case "province" -> government ? 600 : 14;
                case "city" -> government ? 160 : 6;
                default -> government ? 45 : 3;
            };
            this.rate = median * Math.exp(random.nextGaussian() * (government ? 0.4 : 0.9));
            this.pendingShare = government ? 0.06 : 0.04;
            double scale = level.equals("province") ? 3 : level.equals("city") ? 1.5 : 1;
            boolean enforcing = !government && random.nextDouble() < 0.45;
            this.licensing = enforcing ? scale * 150 * Math.exp(random.nextGaussian()) : random.nextInt(5);
            this.punishment = enforcing ? scale * 80 * Math.exp(random.nextGaussian()) : random.nextInt(3);
            this.enforcement = enforcing ? scale * 10 * Math.exp(random.nextGaussian()) : 0;
            this.collectsFees = !government && random.nextDouble() < 0.3;
            this.rulesPerYear = government ? (level.equals("province") ? 6 : level.equals("city") ? 2 : 0) : 0;
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
            if (agency.reportsFrom() == null) { // reports of 2018 left applications open
                double open = rate * pendingShare;
                for (int c = 0; c < APPLICANTS.length; c++) {
                    carried[c] = poisson(open * APPLICANT_SHARES[c]);
                }
            }
        }

        final List<Submission> submissions = new ArrayList<>();
        final List<AgencyYear> missing = new ArrayList<>();
        final List<DeliberateWarning> warnings = new ArrayList<>();

        AgencyHistory generate() {
            for (int year = settings.fromYear(); year <= settings.toYear(); year++) {
                Step step = step(year);
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
        Step step(int year) {
            if (!agency.reportsIn(year)) {
                previousYear = 0;
                return Step.NONE;
            }
            // Every draw happens whatever is decided, so one decision never shifts the others.
            boolean isMissing = random.nextDouble() < settings.missingRate();
            boolean isLate = random.nextDouble() < settings.lateRate();
            boolean isWarning = random.nextDouble() < settings.warningRate();
            boolean inForceWarning = random.nextBoolean();
            int warningDelta = 1 + random.nextInt(3);
            String edition = Editions.standard().forYear(year).id();
            boolean canWarn = previousYear == year - 1;
            String warningRule = !isWarning || !canWarn
                    ? null
                    : inForceWarning && edition.equals("2021") && "2021".equals(previousEdition)
                            ? "IN-FORCE-CHAIN"
                            : "CARRY-CHAIN";
            Sheet report = new Sheet(edition, year, agency.code(), agency.name());
            List<String> warnedCells = new ArrayList<>();
            applications(report, year, edition, warningRule, warningDelta, warnedCells);
            reviews(report, year);
            activeDisclosure(report, year, edition, warningRule, warningDelta, warnedCells);
            processingFees(report, year);
            OffsetDateTime submittedAt = submittedAt(year, isLate);
            report.publishedOn(submittedAt.toLocalDate());
            AnnualReport built = report.build();
            if (isMissing) {
                previousYear = 0;
                return new Step(null, null, new AgencyYear(agency.code(), year));
            }
            DeliberateWarning warning = warningRule == null
                    ? null
                    : new DeliberateWarning(new AgencyYear(agency.code(), year), warningRule, warnedCells);
            LocalDate deadline = deadline(agency.kind(), year);
            Submission submission = new Submission(
                    built, submittedAt, deadline, submittedAt.toLocalDate().isAfter(deadline));
            previousYear = year;
            previousEdition = built.edition();
            return new Step(submission, warning, null);
        }

        private void applications(
                Sheet report,
                int year,
                String edition,
                String warningRule,
                int warningDelta,
                List<String> warnedCells) {
            double expected = rate * trend(year) * Math.exp(random.nextGaussian() * 0.25);
            long received = poisson(expected);
            long[] newReceived = multinomial(received, APPLICANT_SHARES);
            boolean edition2019 = edition.equals("2019");
            for (int c = 0; c < APPLICANTS.length; c++) {
                String column = APPLICANTS[c];
                long carriedOver = carried[c];
                long open = newReceived[c] + carriedOver;
                long forward = binomial(open, pendingShare);
                long[] outcomes = multinomial(open - forward, OUTCOME_SHARES);
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
                            edition2019 && OUTCOMES[o].startsWith("otherDisposal.")
                                    ? "otherDisposal.other"
                                    : OUTCOMES[o],
                            c,
                            outcomes[o]);
                }
                carried[c] = forward;
            }
        }

        private void reviews(Sheet report, int year) {
            double volume = rate * trend(year);
            double[] expected = {
                volume * (government ? 0.04 : 0.02) + 0.05, volume * 0.012 + 0.02, volume * 0.005 + 0.01
            };
            for (int g = 0; g < REVIEW_GROUPS.length; g++) {
                long[] results = multinomial(poisson(expected[g]), REVIEW_SHARES);
                for (int r = 0; r < REVIEW_RESULTS.length; r++) {
                    report.reviews(REVIEW_GROUPS[g], r, results[r]);
                }
            }
        }

        private void activeDisclosure(
                Sheet report,
                int year,
                String edition,
                String warningRule,
                int warningDelta,
                List<String> warnedCells) {
            long rulesIssued = poisson(rulesPerYear);
            long documentsIssued = poisson(documentsPerYear * trend(year));
            double t = trend(year);
            if (edition.equals("2021")) {
                long rulesRepealed = binomial(rulesInForce, 0.04);
                long documentsRepealed = binomial(documentsInForce, 0.06);
                rulesInForce += rulesIssued - rulesRepealed;
                documentsInForce += documentsIssued - documentsRepealed;
                if ("IN-FORCE-CHAIN".equals(warningRule)) {
                    // a recount: the printed number of documents in force is not last year's plus the changes;
                    // it becomes the truth the next year builds on
                    long delta = random.nextBoolean() || documentsInForce < warningDelta ? warningDelta : -warningDelta;
                    documentsInForce += delta;
                    warnedCells.add("activeDisclosure.normativeDocuments.inForce");
                }
                report.cell("activeDisclosure.rules.issued", rulesIssued)
                        .cell("activeDisclosure.rules.repealed", rulesRepealed)
                        .cell("activeDisclosure.rules.inForce", rulesInForce)
                        .cell("activeDisclosure.normativeDocuments.issued", documentsIssued)
                        .cell("activeDisclosure.normativeDocuments.repealed", documentsRepealed)
                        .cell("activeDisclosure.normativeDocuments.inForce", documentsInForce)
                        .cell("activeDisclosure.licensing.decisions", poisson(licensing * t))
                        .cell("activeDisclosure.punishment.decisions", poisson(punishment * t))
                        .cell("activeDisclosure.enforcement.decisions", poisson(enforcement * t))
                        .cell(
                                "activeDisclosure.administrativeFees.amountWan",
                                collectsFees
                                        ? amount(60 * t * Math.exp(random.nextGaussian() * 1.2))
                                        : BigDecimal.ZERO);
            } else {
                rulesPublished += rulesIssued;
                documentsPublished += documentsIssued;
                // the 2019 form counts what was published; the 2021 form what is in force: keep both moving
                rulesInForce += rulesIssued - binomial(rulesInForce, 0.04);
                documentsInForce += documentsIssued - binomial(documentsInForce, 0.06);
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
                            .cell("activeDisclosure." + ITEM_ROWS_2019[i] + ".decisions", poisson(decisions[i]));
                    items[i] += change;
                }
                int fees = ITEM_ROWS_2019.length;
                long feeChange = collectsFees ? Math.max(-items[fees], random.nextInt(3) - 1) : 0;
                report.cell("activeDisclosure.administrativeFees.previousYearItems", items[fees])
                        .cell("activeDisclosure.administrativeFees.change", feeChange);
                items[fees] += feeChange;
                long projects = poisson(government ? 4 : 1.5);
                report.cell("activeDisclosure.centralizedProcurement.projects", projects)
                        .cell(
                                "activeDisclosure.centralizedProcurement.amountWan",
                                projects == 0
                                        ? BigDecimal.ZERO
                                        : amount(projects * 35 * Math.exp(random.nextGaussian() * 0.8)));
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
            LocalDate deadline = deadline(agency.kind(), year);
            LocalDate day;
            if (late) {
                day = deadline.plusDays(1 + random.nextInt(45));
            } else {
                int window = government ? 44 : 27;
                double u = random.nextDouble();
                day = deadline.minusDays((long) Math.floor(window * u * u));
            }
            LocalTime time = LocalTime.of(8, 30).plusSeconds(random.nextInt(9 * 3600 + 30 * 60));
            return OffsetDateTime.of(day, time, CHINA);
        }

        private static double trend(int year) {
            return 1 + 0.07 * (year - 2019);
        }

        private BigDecimal amount(double value) {
            return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        }

        private long poisson(double mean) {
            if (mean <= 0) {
                return 0;
            }
            if (mean > 40) {
                return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
            }
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            long n = 0;
            while (product > limit) {
                product *= random.nextDouble();
                n++;
            }
            return n;
        }

        private long binomial(long n, double p) {
            if (n > 200) {
                double mean = n * p;
                long draw = Math.round(mean + Math.sqrt(mean * (1 - p)) * random.nextGaussian());
                return Math.max(0, Math.min(n, draw));
            }
            long k = 0;
            for (long i = 0; i < n; i++) {
                if (random.nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }

        /** Splits n into the shares (which need not sum to 1) by successive binomials. */
        private long[] multinomial(long n, double[] shares) {
            long[] counts = new long[shares.length];
            double rest = 0;
            for (double s : shares) {
                rest += s;
            }
            long left = n;
            for (int i = 0; i < shares.length - 1 && left > 0; i++) {
                long k = binomial(left, Math.min(1, shares[i] / rest));
                counts[i] = k;
                left -= k;
                rest -= shares[i];
            }
            counts[shares.length - 1] += left;
            return counts;
        }
    }
}
