package cn.ogi.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.identity.CreditCode;
import cn.ogi.form.identity.DivisionCode;
import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.RuleEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoProvinceTest {

    @Test
    void theSameSeedGivesTheSameProvinceAndAnotherSeedAnother() {
        String first = canonical(DemoProvince.generate(DemoSettings.small()));
        String again = canonical(DemoProvince.generate(DemoSettings.small()));
        DemoSettings s = DemoSettings.small();
        String other = canonical(DemoProvince.generate(new DemoSettings(s.seed() + 1, s.cities(), s.countiesPerCity(),
                s.departmentsPerGovernment(), s.provincialDepartments(), s.fromYear(), s.toYear(), s.missingRate())));

        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void everyReportReconcilesAndChainsWithTheYearBefore() {
        DemoProvince.Demo demo = DemoProvince.generate(DemoSettings.standard());
        Map<String, AnnualReport> byKey = new HashMap<>();
        demo.reports().forEach(r -> byKey.put(r.agencyCode() + "/" + r.year(), r));
        RuleEngine rules = RuleEngine.standard();

        for (AnnualReport report : demo.reports()) {
            AnnualReport previous = byKey.get(report.agencyCode() + "/" + (report.year() - 1));
            List<Finding> findings = rules.evaluate(report, previous);
            assertEquals(List.of(), findings.stream().filter(f -> !f.rule().equals("IN-FORCE-CHAIN")).toList(),
                    report.agencyCode() + "/" + report.year());
        }
    }

    @Test
    void everyCodeIsValidAndTheRegistryCsvHasALinePerRecord() {
        DemoProvince.Demo demo = DemoProvince.generate(DemoSettings.standard());

        demo.agencies().forEach(a -> assertTrue(CreditCode.isValid(a.code()), a.code()));
        demo.jurisdictions().forEach(j -> assertTrue(DivisionCode.problem(j.code()).isEmpty(), j.code()));
        assertEquals(1 + demo.jurisdictions().size() + demo.agencies().size(), demo.registryCsv().split("\n").length);
        assertEquals(4 + 4 * 3 + 1, demo.jurisdictions().size());
        assertEquals((4 + 12) * 9 + 1 + 20, demo.agencies().size());
        int expected = demo.agencies().size() * 6;
        assertEquals(expected, demo.reports().size() + demo.missing().size());
        assertTrue(demo.missing().size() > 0 && demo.missing().size() < expected / 10, "a few percent are missing");
    }

    @Test
    void theFullProvinceHasAboutNineAndAHalfThousandAgencies() {
        DemoSettings full = DemoSettings.full();
        // One year is enough to count the agencies; the registry does not depend on the years.
        DemoProvince.Demo demo = DemoProvince.generate(new DemoSettings(full.seed(), full.cities(), full.countiesPerCity(),
                full.departmentsPerGovernment(), full.provincialDepartments(), 2024, 2024, full.missingRate()));

        assertTrue(demo.agencies().size() > 9000 && demo.agencies().size() < 10000, demo.agencies().size() + " agencies");
    }

    private static String canonical(DemoProvince.Demo demo) {
        StringBuilder text = new StringBuilder(demo.registryCsv());
        demo.reports().forEach(r -> text.append(ReportJson.standard().canonicalString(r)).append('\n'));
        return text.toString();
    }
}
