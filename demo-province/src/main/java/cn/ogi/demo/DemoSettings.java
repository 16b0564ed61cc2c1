package cn.ogi.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The size and shape of a demo province. {@link #full()} is the province of issue 5 (≈ 9,500 agencies,
 * 2019–2024); {@link #standard()} is a mid-size province that loads in seconds; {@link #small()} is for
 * unit tests. Rates are fractions of the (agency, year) pairs an agency is expected to report.
 *
 * @param seed                     same seed and settings → byte-identical province
 * @param province                 the province's two-digit GB/T 2260 prefix (37 → {@code 370000}); another
 *                                 prefix lets a second demo province live beside the first in one registry
 * @param cities                   cities (地级市) under the province, codes {@code 37cc00}
 * @param countiesPerCity          counties/districts per city, codes {@code 37ccnn}
 * @param departmentsPerGovernment departments of every city and county (besides its people's government)
 * @param provincialDepartments    departments of the province (besides its people's government)
 * @param fromYear                 first reporting year (≥ 2019: the table editions)
 * @param toYear                   last reporting year
 * @param missingRate              share of expected reports deliberately not submitted
 * @param lateRate                 share of submitted reports whose intended submission time is after the deadline
 * @param warningRate              share of submitted reports with a deliberate cross-year warning
 * @param reformRate               share of agencies created part-way (reportsFrom) and, as many, abolished
 *                                 part-way (reportsUntil)
 */
public record DemoSettings(
        long seed,
        int province,
        int cities,
        int countiesPerCity,
        int departmentsPerGovernment,
        int provincialDepartments,
        int fromYear,
        int toYear,
        double missingRate,
        double lateRate,
        double warningRate,
        double reformRate) {

    public static final long DEFAULT_SEED = 2024;

    /** 37: the demo province is {@code 370000}. */
    public static final int DEFAULT_PROVINCE = 37;

    public DemoSettings {
        require(province >= 11 && province <= 82, "province must be a GB/T 2260 province prefix 11–82");
        require(cities >= 0 && cities <= 99, "cities must be 0–99");
        require(countiesPerCity >= 0 && countiesPerCity <= 99, "counties per city must be 0–99");
        require(departmentsPerGovernment >= 0 && provincialDepartments >= 0, "department counts must be ≥ 0");
        require(
                fromYear >= 2019 && toYear >= fromYear && toYear <= 2100,
                "years must be 2019 or later (the table editions) and from ≤ to");
        for (double rate : new double[] {missingRate, lateRate, warningRate, reformRate}) {
            require(rate >= 0 && rate <= 0.5, "rates must be between 0 and 0.5");
        }
    }

    /** The demo province of issue 5: 16 cities × 9 counties, 58 departments each, 80 provincial; 9,521 agencies. */
    public static DemoSettings full() {
        return new DemoSettings(DEFAULT_SEED, DEFAULT_PROVINCE, 16, 9, 58, 80, 2019, 2024, 0.03, 0.04, 0.01, 0.01);
    }

    /**
     * One province of the demo country ({@link DemoCountry}: 31 of them, ≈ 300,000 agencies, ten years): 10 cities
     * × 10 counties, 86 departments each and 86 provincial: 9,657 agencies a province, 2019–2028 (the years after
     * the current one are as synthetic as the rest).
     */
    public static DemoSettings countryProvince() {
        return new DemoSettings(DEFAULT_SEED, DEFAULT_PROVINCE, 10, 10, 86, 86, 2019, 2028, 0.03, 0.04, 0.01, 0.01);
    }

    /** A mid-size province (4 × 3 counties, 8 departments, 20 provincial: 165 agencies) that loads in seconds. */
    public static DemoSettings standard() {
        return new DemoSettings(DEFAULT_SEED, DEFAULT_PROVINCE, 4, 3, 8, 20, 2019, 2024, 0.03, 0.04, 0.01, 0.01);
    }

    /** A province for unit tests: 2 cities × 2 counties, 5 departments, 6 provincial (43 agencies), 2019–2024. */
    public static DemoSettings small() {
        return new DemoSettings(DEFAULT_SEED, DEFAULT_PROVINCE, 2, 2, 5, 6, 2019, 2024, 0.05, 0.05, 0.03, 0.05);
    }

    public DemoSettings withSeed(long newSeed) {
        return of(newSeed, province, shape(), fromYear, toYear, rates());
    }

    public DemoSettings withProvince(int newProvince) {
        return of(seed, newProvince, shape(), fromYear, toYear, rates());
    }

    /** The province's jurisdiction code, e.g. {@code 370000}. */
    public String provinceCode() {
        return String.format(Locale.ROOT, "%02d0000", province);
    }

    public DemoSettings withShape(int newCities, int newCountiesPerCity, int newDepartments, int newProvincial) {
        return of(
                seed,
                province,
                new Shape(newCities, newCountiesPerCity, newDepartments, newProvincial),
                fromYear,
                toYear,
                rates());
    }

    public DemoSettings withYears(int from, int to) {
        return of(seed, province, shape(), from, to, rates());
    }

    public DemoSettings withRates(double missing, double late, double warning, double reform) {
        return of(seed, province, shape(), fromYear, toYear, new Rates(missing, late, warning, reform));
    }

    /** How many jurisdictions and agencies: the knobs {@link #withShape} sets together. */
    private record Shape(int cities, int countiesPerCity, int departmentsPerGovernment, int provincialDepartments) {}

    /** The shares of deliberate gaps and faults: the knobs {@link #withRates} sets together. */
    private record Rates(double missing, double late, double warning, double reform) {}

    private Shape shape() {
        return new Shape(cities, countiesPerCity, departmentsPerGovernment, provincialDepartments);
    }

    private Rates rates() {
        return new Rates(missingRate, lateRate, warningRate, reformRate);
    }

    private static DemoSettings of(long seed, int province, Shape shape, int fromYear, int toYear, Rates rates) {
        return new DemoSettings(
                seed,
                province,
                shape.cities(),
                shape.countiesPerCity(),
                shape.departmentsPerGovernment(),
                shape.provincialDepartments(),
                fromYear,
                toYear,
                rates.missing(),
                rates.late(),
                rates.warning(),
                rates.reform());
    }

    /** Number of agencies these settings produce (without generating anything). */
    public int agencyCount() {
        int governments = 1 + cities + cities * countiesPerCity;
        return governments + provincialDepartments + (cities + cities * countiesPerCity) * departmentsPerGovernment;
    }

    /** A short stable fingerprint of everything that shapes the generated content (for idempotency keys). */
    public String fingerprint() {
        return String.format(Locale.ROOT, "%08x", toString().hashCode());
    }

    /**
     * Reads the scale knobs from command-line arguments, starting from {@code base}; a preset
     * ({@code --full}, {@code --standard}, {@code --small}) replaces the shape, years and rates read so far
     * (not the seed). Arguments it does not know are returned, in order, for the caller.
     */
    public static Parsed parse(DemoSettings base, String[] args) {
        DemoSettings s = base;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--full" -> s = full().withSeed(s.seed).withProvince(s.province);
                case "--standard" -> s = standard().withSeed(s.seed).withProvince(s.province);
                case "--small" -> s = small().withSeed(s.seed).withProvince(s.province);
                case "--province" -> s = s.withProvince(integer(args, ++i, arg));
                case "--seed" -> s = s.withSeed(Long.parseLong(value(args, ++i, arg)));
                case "--cities" ->
                    s = s.withShape(
                            integer(args, ++i, arg),
                            s.countiesPerCity,
                            s.departmentsPerGovernment,
                            s.provincialDepartments);
                case "--counties-per-city" ->
                    s = s.withShape(
                            s.cities, integer(args, ++i, arg), s.departmentsPerGovernment, s.provincialDepartments);
                case "--departments-per-government" ->
                    s = s.withShape(s.cities, s.countiesPerCity, integer(args, ++i, arg), s.provincialDepartments);
                case "--provincial-departments" ->
                    s = s.withShape(s.cities, s.countiesPerCity, s.departmentsPerGovernment, integer(args, ++i, arg));
                case "--from" -> s = s.withYears(integer(args, ++i, arg), s.toYear);
                case "--to" -> s = s.withYears(s.fromYear, integer(args, ++i, arg));
                case "--missing-rate" -> s = s.withRates(rate(args, ++i, arg), s.lateRate, s.warningRate, s.reformRate);
                case "--late-rate" -> s = s.withRates(s.missingRate, rate(args, ++i, arg), s.warningRate, s.reformRate);
                case "--warning-rate" -> s = s.withRates(s.missingRate, s.lateRate, rate(args, ++i, arg), s.reformRate);
                case "--reform-rate" -> s = s.withRates(s.missingRate, s.lateRate, s.warningRate, rate(args, ++i, arg));
                default -> rest.add(arg);
            }
        }
        return new Parsed(s, rest);
    }

    /** Settings read from arguments and the arguments left for the caller. */
    public record Parsed(DemoSettings settings, List<String> rest) {}

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int integer(String[] args, int i, String option) {
        return Integer.parseInt(value(args, i, option));
    }

    private static double rate(String[] args, int i, String option) {
        return Double.parseDouble(value(args, i, option));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
