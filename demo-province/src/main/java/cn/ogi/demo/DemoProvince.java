package cn.ogi.demo;

import cn.ogi.form.edition.Editions;
import cn.ogi.form.identity.CreditCode;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates a demo province deterministically from a seed: the jurisdiction tree (GB/T 2260-shaped
 * codes under 370000), a government and departments at every level with valid 统一社会信用代码, and
 * for every year a report per agency in that year's edition whose numbers reconcile (every error rule
 * holds) and chain (this year's carriedOver is last year's carriedForward); a few reports are missing.
 */
public final class DemoProvince {

    public static final String PROVINCE = "370000";

    /** A jurisdiction: code, name, parent (null for the province). */
    public record Jurisdiction(String code, String name, String parent) {
    }

    /** An agency of the registry. */
    public record Agency(String code, String name, String kind, String jurisdiction) {
    }

    /** The generated province and its reports in submission order (year by year). */
    public record Demo(List<Jurisdiction> jurisdictions, List<Agency> agencies, List<AnnualReport> reports,
            List<String> missing) {

        /** The registry as reporting-service's CSV import reads it. */
        public String registryCsv() {
            StringBuilder csv = new StringBuilder("record,code,name,kind,parent,reportsFrom,reportsUntil\n");
            jurisdictions.forEach(j -> csv.append("jurisdiction,").append(j.code()).append(',').append(j.name())
                    .append(",,").append(j.parent() == null ? "" : j.parent()).append(",,\n"));
            agencies.forEach(a -> csv.append("agency,").append(a.code()).append(',').append(a.name()).append(',')
                    .append(a.kind()).append(',').append(a.jurisdiction()).append(",,\n"));
            return csv.toString();
        }
    }

    private DemoProvince() {
    }

    public static Demo generate(DemoSettings settings) {
        Random random = new Random(settings.seed());
        List<Jurisdiction> jurisdictions = new ArrayList<>();
        List<Agency> agencies = new ArrayList<>();
        jurisdictions.add(new Jurisdiction(PROVINCE, "示范省", null));
        addAgencies(agencies, PROVINCE, "示范省", settings.provincialDepartments(), random);
        for (int c = 1; c <= settings.cities(); c++) {
            String city = String.format("37%02d00", c);
            jurisdictions.add(new Jurisdiction(city, "示范省第" + c + "市", PROVINCE));
            addAgencies(agencies, city, "第" + c + "市", settings.departmentsPerGovernment(), random);
            for (int k = 1; k <= settings.countiesPerCity(); k++) {
                String county = String.format("37%02d%02d", c, k);
                jurisdictions.add(new Jurisdiction(county, "第" + c + "市第" + k + "县", city));
                addAgencies(agencies, county, "第" + c + "市第" + k + "县", settings.departmentsPerGovernment(), random);
            }
        }
        List<AnnualReport> reports = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, Integer> carriedForward = new HashMap<>();
        for (int year = settings.fromYear(); year <= settings.toYear(); year++) {
            for (Agency agency : agencies) {
                int carriedOver = carriedForward.getOrDefault(agency.code(), 0);
                if (random.nextDouble() < settings.missingRate()) {
                    missing.add(agency.code() + "/" + year);
                    carriedForward.put(agency.code(), carriedOver);
                    continue;
                }
                int scale = agency.kind().equals("government") ? 120 : 15;
                int received = random.nextInt(scale + 1);
                int forward = random.nextInt(Math.max(1, (received + carriedOver) / 10 + 1));
                reports.add(report(agency, year, received, carriedOver, forward, random));
                carriedForward.put(agency.code(), forward);
            }
        }
        return new Demo(jurisdictions, agencies, reports, missing);
    }

    private static AnnualReport report(Agency agency, int year, int received, int carriedOver, int forward,
            Random random) {
        int processed = received + carriedOver - forward;
        int notHeld = processed / 6;
        int partially = processed / 10;
        int granted = processed - notHeld - partially;
        int companies = received / 4;
        ReportBuilder report = ReportBuilder.blank(Editions.standard().forYear(year).id(), year)
                .agencyCode(agency.code()).agencyName(agency.name())
                .applications("newReceived", "naturalPerson", received - companies)
                .applications("newReceived", "commercial", companies)
                .applications("carriedOver", "naturalPerson", carriedOver)
                .applications("granted", "naturalPerson", granted - companies)
                .applications("granted", "commercial", companies)
                .applications("partiallyGranted", "naturalPerson", partially)
                .applications("unavailable.notHeld", "naturalPerson", notHeld)
                .applications("carriedForward", "naturalPerson", forward);
        int reconsiderations = random.nextInt(3);
        report.reviews("reconsideration", "upheld", reconsiderations)
                .reviews("reconsideration", "corrected", random.nextInt(2));
        return report.withComputedTotals().build();
    }

    private static void addAgencies(List<Agency> agencies, String division, String place, int departments,
            Random random) {
        agencies.add(new Agency(code(division, agencies.size()), place + "人民政府", "government", division));
        for (int d = 1; d <= departments; d++) {
            agencies.add(new Agency(code(division, agencies.size()), place + "第" + d + "局", "department", division));
        }
        random.nextInt();
    }

    /** A valid 统一社会信用代码 of a government agency in the division. */
    static String code(String division, int serial) {
        String first17 = "11" + division + String.format("%09d", serial);
        return first17 + CreditCode.checkCharacter(first17);
    }
}
