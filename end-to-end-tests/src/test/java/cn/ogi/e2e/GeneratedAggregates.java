package cn.ogi.e2e;

import cn.ogi.demo.Agency;
import cn.ogi.demo.AgencyYear;
import cn.ogi.demo.DeliberateWarning;
import cn.ogi.demo.Demo;
import cn.ogi.demo.Jurisdiction;
import cn.ogi.demo.Submission;
import cn.ogi.form.json.ReportJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What stats-service should answer for a generated province, computed here from the generator's output
 * alone — the canonical JSON of every generated report, the registry and the generator's lists of missing,
 * late and deliberately broken reports — with the definitions of REPORT-FORMAT.md, never from stats' tables
 * or code. Cells are the dotted paths of the canonical JSON ({@code applications.granted.total}).
 */
final class GeneratedAggregates {

    static final List<String> BALANCE_ROWS = List.of("newReceived", "carriedOver", "totalProcessed", "carriedForward");
    static final List<String> APPLICANTS =
            List.of("naturalPerson", "commercial", "research", "socialWelfare", "legalService", "other", "total");
    static final List<String> REVIEW_GROUPS =
            List.of("reconsideration", "litigationDirect", "litigationAfterReconsideration");
    static final List<String> REVIEW_COLUMNS = List.of("upheld", "corrected", "other", "pending", "total");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Demo demo;
    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, Agency> agencies = new HashMap<>();
    private final Map<AgencyYear, Map<String, BigDecimal>> cells = new HashMap<>();

    GeneratedAggregates(Demo demo) {
        this.demo = demo;
        demo.jurisdictions().forEach(j -> parents.put(j.code(), j.parent()));
        demo.agencies().forEach(a -> agencies.put(a.code(), a));
        ReportJson canonical = ReportJson.standard();
        for (Submission s : demo.submissions()) {
            try {
                Map<String, BigDecimal> flat = new TreeMap<>();
                flatten("", JSON.readTree(canonical.canonicalString(s.report())), flat);
                cells.put(s.key(), flat);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The province's code. */
    String province() {
        return demo.jurisdictions().get(0).code();
    }

    List<Jurisdiction> jurisdictions() {
        return demo.jurisdictions();
    }

    List<String> children(String node) {
        return demo.jurisdictions().stream()
                .filter(j -> node.equals(j.parent()))
                .map(Jurisdiction::code)
                .toList();
    }

    /** True if the agency's jurisdiction is the node or lies below it. */
    boolean inSubtree(String agencyCode, String node) {
        for (String j = agencies.get(agencyCode).jurisdiction(); j != null; j = parents.get(j)) {
            if (j.equals(node)) {
                return true;
            }
        }
        return false;
    }

    /** The row of {@code groupBy=child} the agency falls in: the child on its path, or the node itself. */
    String childOf(String agencyCode, String node) {
        String previous = null;
        for (String j = agencies.get(agencyCode).jurisdiction(); j != null; previous = j, j = parents.get(j)) {
            if (j.equals(node)) {
                return previous == null ? node : previous;
            }
        }
        throw new IllegalArgumentException(agencyCode + " is not under " + node);
    }

    /** The reports of the years whose agency matches. */
    List<AgencyYear> reports(int from, int to, Predicate<String> agency) {
        return cells.keySet().stream()
                .filter(k -> k.year() >= from && k.year() <= to && agency.test(k.agencyCode()))
                .sorted()
                .toList();
    }

    /** Sum of {@code applications.<row>.<column>} for every balance and outcome row over the reports. */
    Map<String, BigDecimal> applicationRows(List<AgencyYear> reports, String column) {
        Map<String, BigDecimal> rows = new TreeMap<>();
        for (AgencyYear r : reports) {
            cells.get(r).forEach((cell, value) -> {
                if (cell.startsWith("applications.") && cell.endsWith("." + column)) {
                    rows.merge(
                            cell.substring("applications.".length(), cell.length() - column.length() - 1),
                            value,
                            BigDecimal::add);
                }
            });
        }
        return rows;
    }

    /** /applications metrics. */
    Map<String, Object> applications(List<AgencyYear> reports, String column) {
        Map<String, BigDecimal> rows = applicationRows(reports, column);
        Map<String, Object> metrics = new LinkedHashMap<>();
        BALANCE_ROWS.forEach(row -> metrics.put(row, rows.getOrDefault(row, BigDecimal.ZERO)));
        return metrics;
    }

    /** /outcomes metrics: every outcome row, the disclosure rate and the withheld share per reason. */
    Map<String, Object> outcomes(List<AgencyYear> reports) {
        Map<String, BigDecimal> rows = applicationRows(reports, "total");
        BigDecimal processed = rows.getOrDefault("totalProcessed", BigDecimal.ZERO);
        Map<String, Object> metrics = new LinkedHashMap<>();
        rows.forEach((row, value) -> {
            if (!BALANCE_ROWS.contains(row) || row.equals("totalProcessed")) {
                metrics.put(row, value);
            }
        });
        metrics.put("totalProcessed", processed);
        metrics.put(
                "disclosureRate",
                rate(
                        rows.getOrDefault("granted", BigDecimal.ZERO)
                                .add(rows.getOrDefault("partiallyGranted", BigDecimal.ZERO)),
                        processed));
        rows.forEach((row, value) -> {
            if (row.startsWith("withheld.")) {
                metrics.put("withheldShare." + row.substring("withheld.".length()), rate(value, processed));
            }
        });
        return metrics;
    }

    /** /reviews metrics: the 15 cells and the two rates. */
    Map<String, Object> reviews(List<AgencyYear> reports) {
        Map<String, BigDecimal> sums = sums(reports, "reviews.");
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (String group : REVIEW_GROUPS) {
            for (String column : REVIEW_COLUMNS) {
                metrics.put(group + "." + column, sums.getOrDefault(group + "." + column, BigDecimal.ZERO));
            }
        }
        metrics.put("reconsiderationCorrectionRate", rate(sums, List.of("reconsideration")));
        metrics.put("litigationLossRate", rate(sums, List.of("litigationDirect", "litigationAfterReconsideration")));
        return metrics;
    }

    /** /fees metrics. */
    Map<String, Object> fees(List<AgencyYear> reports) {
        Map<String, BigDecimal> sums = sums(reports, "");
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put(
                "administrativeFees.amountWan",
                sums.getOrDefault("activeDisclosure.administrativeFees.amountWan", BigDecimal.ZERO));
        metrics.put("processingFees.amountYuan", sums.getOrDefault("processingFees.amountYuan", BigDecimal.ZERO));
        return metrics;
    }

    /** /quality counts: reports, reports with findings, and reports per rule — the deliberate warnings. */
    Map<String, Object> quality(List<AgencyYear> reports) {
        Set<AgencyYear> inScope = Set.copyOf(reports);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("reports", BigDecimal.valueOf(reports.size()));
        Set<AgencyYear> withFindings = new TreeSet<>();
        Map<String, Set<AgencyYear>> byRule = new TreeMap<>();
        for (DeliberateWarning w : demo.warnings()) {
            if (inScope.contains(w.report())) {
                withFindings.add(w.report());
                byRule.computeIfAbsent(w.rule(), k -> new TreeSet<>()).add(w.report());
            }
        }
        metrics.put("reportsWithFindings", BigDecimal.valueOf(withFindings.size()));
        byRule.forEach((rule, keys) -> metrics.put(rule, BigDecimal.valueOf(keys.size())));
        return metrics;
    }

    /** /completeness of a node for one year: counts, and the codes of the missing and the late agencies. */
    Completeness completeness(String node, int year) {
        Set<String> expected = new TreeSet<>();
        demo.expected(year).stream()
                .map(Agency::code)
                .filter(a -> inSubtree(a, node))
                .forEach(expected::add);
        Set<String> reported = new TreeSet<>();
        reports(year, year, a -> inSubtree(a, node)).forEach(r -> reported.add(r.agencyCode()));
        Set<String> missing = new TreeSet<>();
        demo.missing().stream()
                .filter(k -> k.year() == year && inSubtree(k.agencyCode(), node))
                .forEach(k -> missing.add(k.agencyCode()));
        Set<String> late = new TreeSet<>();
        demo.late().stream()
                .filter(k -> k.year() == year && inSubtree(k.agencyCode(), node))
                .forEach(k -> late.add(k.agencyCode()));
        return new Completeness(
                expected.size(),
                reported.size(),
                reported.size() - late.size(),
                late.size(),
                missing.size(),
                missing,
                late);
    }

    record Completeness(
            int expected,
            int reported,
            int onTime,
            int late,
            int missing,
            Set<String> missingCodes,
            Set<String> lateCodes) {}

    private Map<String, BigDecimal> sums(List<AgencyYear> reports, String prefix) {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (AgencyYear r : reports) {
            cells.get(r).forEach((cell, value) -> {
                if (cell.startsWith(prefix)) {
                    sums.merge(cell.substring(prefix.length()), value, BigDecimal::add);
                }
            });
        }
        return sums;
    }

    /** REPORT-FORMAT.md: corrected / (upheld + corrected + other) of the groups together. */
    private static BigDecimal rate(Map<String, BigDecimal> sums, List<String> groups) {
        BigDecimal corrected = BigDecimal.ZERO;
        BigDecimal decided = BigDecimal.ZERO;
        for (String g : groups) {
            corrected = corrected.add(sums.getOrDefault(g + ".corrected", BigDecimal.ZERO));
            for (String column : List.of("upheld", "corrected", "other")) {
                decided = decided.add(sums.getOrDefault(g + "." + column, BigDecimal.ZERO));
            }
        }
        return rate(corrected, decided);
    }

    /** A rate rounded to 6 places, null when the denominator is 0. */
    static BigDecimal rate(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() == 0 ? null : numerator.divide(denominator, 6, RoundingMode.HALF_UP);
    }

    /** Every number of the report's tables by its dotted path; identity fields (year, dates, texts) left out. */
    private static void flatten(String path, JsonNode node, Map<String, BigDecimal> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (!path.isEmpty()
                        || List.of("activeDisclosure", "applications", "reviews", "processingFees")
                                .contains(field.getKey())) {
                    flatten(key, field.getValue(), into);
                }
            });
        } else if (node.isNumber()) {
            into.put(path, node.decimalValue());
        }
    }
}
