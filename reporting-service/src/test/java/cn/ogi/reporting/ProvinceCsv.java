package cn.ogi.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * A small synthetic province as a registry CSV: 1 province, 2 cities, 2 counties per city,
 * 30 agencies spread over them.
 */
record ProvinceCsv(List<String> jurisdictionLines, List<String> agencyCodes, List<String> agencyLines) {

    static final String HEADER = "record,code,name,kind,parent,reportsFrom,reportsUntil";

    static ProvinceCsv small(String province) {
        String prefix = province.substring(0, 2);
        List<String> jurisdictions = new ArrayList<>();
        List<String> nodes = new ArrayList<>();
        jurisdictions.add("jurisdiction," + province + ",测试省" + prefix + ",province,,,");
        nodes.add(province);
        for (int city = 1; city <= 2; city++) {
            String cityCode = prefix + String.format("%02d", city) + "00";
            jurisdictions.add("jurisdiction," + cityCode + ",测试市" + city + ",," + province + ",,");
            nodes.add(cityCode);
            for (int county = 1; county <= 2; county++) {
                String countyCode = cityCode.substring(0, 4) + String.format("%02d", county);
                jurisdictions.add("jurisdiction," + countyCode + ",测试县" + city + county + ",county," + cityCode + ",,");
                nodes.add(countyCode);
            }
        }
        List<String> codes = new ArrayList<>();
        List<String> agencies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String node = nodes.get(i % nodes.size());
            String code = TestRegistry.newAgencyCode(node);
            codes.add(code);
            String kind = i < nodes.size() ? "government" : "department";
            agencies.add("agency," + code + ",测试机关" + i + "," + kind + "," + node + ",2019,");
        }
        return new ProvinceCsv(jurisdictions, codes, agencies);
    }

    String csv() {
        return HEADER + "\n" + String.join("\n", jurisdictionLines) + "\n" + String.join("\n", agencyLines) + "\n";
    }

    /** The file line (1 = header) of the n-th agency. */
    int lineOfAgency(int n) {
        return 1 + jurisdictionLines.size() + n + 1;
    }

    String csvWithWrongCheckCharacterOnAgency(int n) {
        List<String> lines = new ArrayList<>(agencyLines);
        String code = agencyCodes.get(n);
        lines.set(n, lines.get(n).replace(code, TestRegistry.withWrongCheckCharacter(code)));
        return HEADER + "\n" + String.join("\n", jurisdictionLines) + "\n" + String.join("\n", lines) + "\n";
    }
}
