package cn.ogi.demo;

import cn.ogi.form.identity.AgencyKind;
import cn.ogi.form.identity.DivisionLevel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** The demo province's jurisdiction tree and agencies, in registry order, drawn from the registry's stream. */
final class DemoRegistry {
    final List<Jurisdiction> jurisdictions = new ArrayList<>();
    final List<Agency> agencies = new ArrayList<>();
    /** The level of each agency's jurisdiction, in the order of {@link #agencies}. */
    final List<DivisionLevel> levels = new ArrayList<>();

    private final Set<String> codes = new HashSet<>();
    private final SplittableRandom random;
    private final DemoSettings settings;

    DemoRegistry(DemoSettings settings, SplittableRandom random) {
        this.settings = settings;
        this.random = random;
        Names names = new Names(random);
        String province = settings.provinceCode();
        jurisdictions.add(new Jurisdiction(province, Names.PROVINCE, null, DivisionLevel.PROVINCE.wireName()));
        addAgencies(province, Names.PROVINCE, DivisionLevel.PROVINCE, settings.provincialDepartments());
        for (int c = 1; c <= settings.cities(); c++) {
            String city = String.format("%02d%02d00", settings.province(), c);
            String cityName = names.city(c);
            jurisdictions.add(new Jurisdiction(city, cityName, province, DivisionLevel.CITY.wireName()));
            addAgencies(city, cityName, DivisionLevel.CITY, settings.departmentsPerGovernment());
            for (int k = 1; k <= settings.countiesPerCity(); k++) {
                String county = String.format("%02d%02d%02d", settings.province(), c, k);
                String countyName = names.county(k);
                jurisdictions.add(new Jurisdiction(county, countyName, city, DivisionLevel.COUNTY.wireName()));
                addAgencies(county, countyName, DivisionLevel.COUNTY, settings.departmentsPerGovernment());
            }
        }
    }

    private void addAgencies(String division, String place, DivisionLevel level, int departments) {
        add(division, place + "人民政府", AgencyKind.GOVERNMENT, level, false);
        for (int d = 1; d <= departments; d++) {
            String name = place
                    + (level == DivisionLevel.PROVINCE ? Names.provincialDepartment(d) : Names.localDepartment(d));
            add(division, name, AgencyKind.DEPARTMENT, level, true);
        }
    }

    private void add(String division, String name, AgencyKind kind, DivisionLevel level, boolean mayChange) {
        String code;
        do {
            code = DemoProvince.creditCode(
                    division, DemoProvince.organisationCode(String.format("%08d", random.nextInt(100_000_000))));
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
