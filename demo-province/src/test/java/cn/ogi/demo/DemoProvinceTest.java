package cn.ogi.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.edition.Editions;
import cn.ogi.form.identity.CreditCode;
import cn.ogi.form.identity.DivisionCode;
import cn.ogi.form.json.ReadMode;
import cn.ogi.form.json.ReadResult;
import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.RuleEngine;
import cn.ogi.form.rules.Severity;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoProvinceTest {

    private static final Demo SMALL = DemoProvince.generate(DemoSettings.small());
    private static final Demo STANDARD = DemoProvince.generate(DemoSettings.standard());

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        String first = everything(SMALL);
        String again = everything(DemoProvince.generate(DemoSettings.small()));
        String other = everything(DemoProvince.generate(DemoSettings.small().withSeed(8)));

        assertEquals(first, again);
        assertNotEquals(first, other);
        assertNotEquals(
                SMALL.registryCsv(),
                DemoProvince.generate(DemoSettings.small().withSeed(8)).registryCsv());
    }

    @Test
    void everyReportPassesTheErrorRulesAndWarnsOnlyWhereItWasMadeTo() {
        for (Demo demo : List.of(SMALL, STANDARD)) {
            Map<AgencyYear, AnnualReport> byKey = byKey(demo);
            RuleEngine rules = RuleEngine.standard();
            Set<String> warned = new HashSet<>();
            for (AnnualReport report : demo.reports()) {
                AnnualReport previous = byKey.get(new AgencyYear(report.agencyCode(), report.year() - 1));
                List<Finding> findings = rules.evaluate(report, previous);
                String key = report.agencyCode() + "/" + report.year();
                assertEquals(
                        List.of(),
                        findings.stream()
                                .filter(f -> f.severity() == Severity.ERROR)
                                .toList(),
                        key);
                findings.forEach(f -> warned.add(key + " " + f.rule()));
            }
            Set<String> deliberate = demo.warnings().stream()
                    .map(w -> w.report() + " " + w.rule())
                    .collect(Collectors.toSet());
            assertEquals(deliberate, warned);
            assertFalse(deliberate.isEmpty(), "some reports carry a deliberate warning");
        }
    }

    @Test
    void applicationsChainAcrossYearsExceptForTheDeliberateWarnings() {
        Map<AgencyYear, AnnualReport> byKey = byKey(STANDARD);
        Set<AgencyYear> warnings = STANDARD.warningKeys();
        int chained = 0;
        for (AnnualReport report : STANDARD.reports()) {
            AnnualReport previous = byKey.get(new AgencyYear(report.agencyCode(), report.year() - 1));
            if (previous == null || warnings.contains(new AgencyYear(report.agencyCode(), report.year()))) {
                continue;
            }
            for (String column : DemoProvince.APPLICANTS) {
                assertEquals(
                        previous.cells()
                                .value("applications.carriedForward." + column)
                                .orElseThrow(),
                        report.cells()
                                .value("applications.carriedOver." + column)
                                .orElseThrow());
            }
            if (report.edition().equals("2021") && previous.edition().equals("2021")) {
                for (String doc : List.of("rules", "normativeDocuments")) {
                    String p = "activeDisclosure." + doc + ".";
                    BigDecimal expected = previous.cells()
                            .value(p + "inForce")
                            .orElseThrow()
                            .add(report.cells().value(p + "issued").orElseThrow())
                            .subtract(report.cells().value(p + "repealed").orElseThrow());
                    assertEquals(
                            0,
                            expected.compareTo(
                                    report.cells().value(p + "inForce").orElseThrow()));
                }
            }
            chained++;
        }
        assertTrue(chained > STANDARD.reports().size() / 2, chained + " reports chained");
    }

    @Test
    void reportsAreInTheirYearsEditionAndReadBackAsValidPushes() {
        for (int year = 2019; year <= 2024; year++) {
            String ndjson = SMALL.ndjson(year);
            List<String> lines = ndjson.lines().toList();
            assertEquals(SMALL.submissions(year).size(), lines.size());
            for (String line : lines) {
                ReadResult read = ReportJson.standard().read(line, ReadMode.PUSH);
                assertEquals(List.of(), read.problems(), line);
                assertEquals(
                        Editions.standard().forYear(year).id(), read.report().edition());
                assertEquals(year, read.report().year());
            }
        }
    }

    @Test
    void magnitudesAreRealistic() {
        Map<String, Agency> agencies = STANDARD.agencies().stream().collect(Collectors.toMap(Agency::code, a -> a));
        List<Long> departments = STANDARD.reports().stream()
                .filter(r -> !agencies.get(r.agencyCode()).isGovernment())
                .map(r -> total(r, "applications.newReceived.total"))
                .sorted()
                .toList();
        long governmentsMedian = STANDARD.reports().stream()
                .filter(r -> agencies.get(r.agencyCode()).isGovernment())
                .map(r -> total(r, "applications.newReceived.total"))
                .sorted()
                .toList()
                .get((int) STANDARD.reports().stream()
                                .filter(r -> agencies.get(r.agencyCode()).isGovernment())
                                .count()
                        / 2);
        long upTo30 = departments.stream().filter(n -> n <= 30).count();
        assertTrue(upTo30 > departments.size() * 0.8, "most departments receive 0–30 applications");
        assertTrue(governmentsMedian > departments.get(departments.size() / 2), "governments receive more");
        long withReviews = STANDARD.reports().stream()
                .filter(r -> total(r, "reviews.reconsideration.total") > 0)
                .count();
        long withLawsuits = STANDARD.reports().stream()
                .filter(r -> total(r, "reviews.litigationDirect.total") > 0)
                .count();
        long withFees = STANDARD.reports().stream()
                .filter(r -> total(r, "processingFees.amountYuan") > 0)
                .count();
        assertTrue(withReviews > 0 && withReviews < STANDARD.reports().size(), withReviews + " with reconsiderations");
        assertTrue(withLawsuits > 0, "some lawsuits");
        assertTrue(withFees > 0, "some processing fees");
    }

    @Test
    void missingLateAndReformAreAsConfigured() {
        DemoSettings settings = DemoSettings.standard().withRates(0.05, 0.08, 0.01, 0.05);
        Demo demo = DemoProvince.generate(settings);
        int expected = 0;
        for (int year = settings.fromYear(); year <= settings.toYear(); year++) {
            expected += demo.expected(year).size();
        }
        assertEquals(expected, demo.submissions().size() + demo.missing().size());
        assertBetween(demo.missing().size() / (double) expected, 0.03, 0.07, "missing share");
        assertBetween(demo.late().size() / (double) demo.submissions().size(), 0.055, 0.105, "late share");
        Set<AgencyYear> submitted =
                demo.submissions().stream().map(Submission::key).collect(Collectors.toSet());
        demo.missing().forEach(m -> assertFalse(submitted.contains(m), m + " is missing and submitted"));
        assertTrue(demo.agencies().stream().anyMatch(a -> a.reportsFrom() != null), "some created part-way");
        assertTrue(demo.agencies().stream().anyMatch(a -> a.reportsUntil() != null), "some abolished part-way");
        Map<String, Agency> agencies = demo.agencies().stream().collect(Collectors.toMap(Agency::code, a -> a));
        for (Submission s : demo.submissions()) {
            Agency agency = agencies.get(s.report().agencyCode());
            assertTrue(agency.reportsIn(s.report().year()), s.key() + " outside the agency's years");
            LocalDate deadline = agency.isGovernment()
                    ? LocalDate.of(s.report().year() + 1, 3, 31)
                    : LocalDate.of(s.report().year() + 1, 1, 31);
            assertEquals(deadline, s.deadline());
            assertEquals(
                    s.submittedAt().toLocalDate().isAfter(deadline),
                    s.late(),
                    s.key().toString());
            assertEquals(s.submittedAt().toLocalDate(), s.report().publishedOn());
        }
        assertEquals(
                demo.submissions().stream().filter(Submission::late).count(),
                demo.late().size());
        assertEquals(
                demo.submissions().stream()
                        .sorted(Comparator.comparing(Submission::submittedAt))
                        .toList(),
                demo.submissions(),
                "submission order");
    }

    @Test
    void codesAreValidAndTheTreeIsConsistent() {
        Set<String> jurisdictions = new HashSet<>();
        for (Jurisdiction j : STANDARD.jurisdictions()) {
            assertTrue(DivisionCode.problem(j.code()).isEmpty(), j.code());
            DivisionCode code = DivisionCode.parse(j.code());
            assertEquals(j.level(), code.level().name().toLowerCase(java.util.Locale.ROOT));
            assertEquals(
                    j.parent(), code.impliedParent().map(DivisionCode::code).orElse(null));
            assertTrue(j.parent() == null || jurisdictions.contains(j.parent()), "parents come first");
            assertTrue(jurisdictions.add(j.code()));
        }
        assertEquals(1 + 4 + 4 * 3, STANDARD.jurisdictions().size());
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Agency a : STANDARD.agencies()) {
            assertTrue(CreditCode.isValid(a.code()), a.code());
            assertTrue(a.code().startsWith("11" + a.jurisdiction()), a.code());
            assertTrue(jurisdictions.contains(a.jurisdiction()));
            assertTrue(codes.add(a.code()), "unique code " + a.code());
            assertTrue(names.add(a.name()), "unique name " + a.name());
        }
        assertEquals(DemoSettings.standard().agencyCount(), STANDARD.agencies().size());
        assertEquals(
                1 + 4 + 12,
                STANDARD.agencies().stream().filter(Agency::isGovernment).count());
        assertEquals("111111117", DemoProvince.organisationCode("11111111")); // 48 mod 11 = 4, 11 - 4 = 7
        assertEquals("000000000", DemoProvince.organisationCode("00000000")); // 11 → 0
    }

    @Test
    void anotherProvinceCodePutsTheWholeTreeAndEveryAgencyUnderIt() {
        DemoSettings settings = DemoSettings.parse(DemoSettings.small(), new String[] {"--province", "45"})
                .settings();
        Demo other = DemoProvince.generate(settings);
        assertEquals("450000", other.jurisdictions().get(0).code());
        for (Jurisdiction j : other.jurisdictions()) {
            assertTrue(
                    j.code().startsWith("45") && DivisionCode.problem(j.code()).isEmpty(), j.code());
        }
        for (Agency a : other.agencies()) {
            assertTrue(CreditCode.isValid(a.code()) && a.code().startsWith("1145"), a.code());
        }
        assertEquals(SMALL.submissions().size(), other.submissions().size(), "only the codes move");
        assertFalse(other.registryCsv().contains(",370000,"), "nothing left under 370000");
    }

    @Test
    void theRegistryCsvHasTheHeaderAndALinePerRecord() {
        List<String> lines = STANDARD.registryCsv().lines().toList();
        assertEquals(Demo.CSV_HEADER, lines.get(0));
        assertEquals(1 + STANDARD.jurisdictions().size() + STANDARD.agencies().size(), lines.size());
        Map<String, Integer> records = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            assertEquals(7, fields.length, line);
            records.merge(fields[0], 1, Integer::sum);
            if (fields[0].equals("agency")) {
                assertTrue(Set.of("government", "department").contains(fields[3]), line);
                assertTrue(fields[5].isEmpty() || Integer.parseInt(fields[5]) >= 2019, line);
            } else {
                assertEquals("jurisdiction", fields[0]);
                assertEquals("", fields[3]);
            }
        }
        assertEquals(
                Map.of(
                        "jurisdiction",
                        STANDARD.jurisdictions().size(),
                        "agency",
                        STANDARD.agencies().size()),
                records);
    }

    @Test
    void theFullProvinceHasAboutNineAndAHalfThousandAgenciesAndGeneratesQuickly() {
        long started = System.nanoTime();
        Demo full = DemoProvince.generate(DemoSettings.full());
        double seconds = (System.nanoTime() - started) / 1e9;

        assertEquals(9521, full.agencies().size());
        assertEquals(9521, DemoSettings.full().agencyCount());
        assertEquals(1 + 16 + 144, full.jurisdictions().size());
        int expected = 0;
        for (int year = 2019; year <= 2024; year++) {
            expected += full.expected(year).size();
        }
        assertEquals(expected, full.submissions().size() + full.missing().size());
        System.out.printf("full province: %s, generated in %.1f s%n", DemoCommand.summary(full), seconds);
        assertTrue(seconds < 60, "generated in " + seconds + " s");
    }

    @Test
    void settingsReadTheScaleKnobs() {
        DemoSettings.Parsed parsed = DemoSettings.parse(DemoSettings.full(), new String[] {
            "--small",
            "--seed",
            "9",
            "--cities",
            "3",
            "--counties-per-city",
            "4",
            "--departments-per-government",
            "6",
            "--provincial-departments",
            "7",
            "--from",
            "2021",
            "--to",
            "2022",
            "--intake",
            "x"
        });
        DemoSettings s = parsed.settings();
        assertEquals(
                List.of(9L, 3, 4, 6, 7, 2021, 2022),
                List.of(
                        s.seed(),
                        s.cities(),
                        s.countiesPerCity(),
                        s.departmentsPerGovernment(),
                        s.provincialDepartments(),
                        s.fromYear(),
                        s.toYear()));
        assertEquals(List.of("--intake", "x"), parsed.rest());
        Demo demo = DemoProvince.generate(s);
        assertEquals(s.agencyCount(), demo.agencies().size());
        assertTrue(demo.reports().stream().allMatch(r -> r.year() >= 2021 && r.year() <= 2022));
        assertNull(DemoProvince.generate(s.withShape(0, 0, 0, 0))
                .jurisdictions()
                .get(0)
                .parent());
    }

    private static void assertBetween(double value, double low, double high, String what) {
        assertTrue(value >= low && value <= high, what + " " + value + " not in [" + low + ", " + high + "]");
    }

    private static long total(AnnualReport report, String cell) {
        return report.cells().value(cell).orElse(BigDecimal.ZERO).longValue();
    }

    private static Map<AgencyYear, AnnualReport> byKey(Demo demo) {
        Map<AgencyYear, AnnualReport> byKey = new HashMap<>();
        demo.reports().forEach(r -> byKey.put(new AgencyYear(r.agencyCode(), r.year()), r));
        return byKey;
    }

    private static String everything(Demo demo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Demo.writeNdjson(demo.submissions(), out);
        return demo.registryCsv()
                + out.toString(StandardCharsets.UTF_8)
                + demo.submissions().stream()
                        .map(s -> s.submittedAt().toString())
                        .collect(Collectors.joining(","))
                + demo.missing()
                + demo.late()
                + demo.warnings();
    }
}
