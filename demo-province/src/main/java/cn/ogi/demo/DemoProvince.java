package cn.ogi.demo;

import cn.ogi.form.identity.AgencyKind;
import cn.ogi.form.identity.CreditCode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /** The applicant columns of the generated tables, in order. */
    static final String[] APPLICANTS = AgencyHistory.APPLICANTS;

    private DemoProvince() {}

    public static Demo generate(DemoSettings settings) {
        SplittableRandom registryRandom = new SplittableRandom(settings.seed());
        DemoRegistry registry = new DemoRegistry(settings, registryRandom);
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
        return List.copyOf(new DemoRegistry(settings, new SplittableRandom(settings.seed())).jurisdictions);
    }

    /** The deadline day of an agency kind's report for a year: 31 January (departments), 31 March (governments). */
    public static LocalDate deadline(AgencyKind kind, int year) {
        return kind == AgencyKind.GOVERNMENT ? LocalDate.of(year + 1, 3, 31) : LocalDate.of(year + 1, 1, 31);
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
            DemoRegistry registry = new DemoRegistry(settings, new SplittableRandom(settings.seed()));
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
}
