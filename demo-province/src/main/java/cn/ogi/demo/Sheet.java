package cn.ogi.demo;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportCells;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of one generated report before it becomes an {@link AnnualReport}: Table 2 rows and Table 3
 * groups as arrays, everything else by cell key. {@link #build()} fills the totals (the total column, the
 * totalProcessed row, the review totals) and orders the cells as the edition does — what
 * {@code ReportBuilder.withComputedTotals()} does, without evaluating the rule expressions for each of the
 * 55,000 reports of the full province (the tests check every report against the rule engine).
 */
final class Sheet {

    private static final int TOTAL = DemoProvince.APPLICANTS.length;

    private final EditionDefinition edition;
    private final int year;
    private final String agencyCode;
    private final String agencyName;
    private final Map<String, long[]> applications = new HashMap<>(64);
    private final Map<String, long[]> reviews = new HashMap<>(8);
    private final Map<String, BigDecimal> cells = new HashMap<>(64);
    private LocalDate publishedOn;

    Sheet(String edition, int year, String agencyCode, String agencyName) {
        this.edition = Editions.standard().get(edition);
        this.year = year;
        this.agencyCode = agencyCode;
        this.agencyName = agencyName;
    }

    /** Sets a Table 2 cell; column is an index into {@link DemoProvince#APPLICANTS}. */
    Sheet applications(String row, int column, long value) {
        applications.computeIfAbsent(row, r -> new long[TOTAL + 1])[column] = value;
        return this;
    }

    /** Adds to a Table 2 cell. */
    Sheet addApplications(String row, int column, long value) {
        applications.computeIfAbsent(row, r -> new long[TOTAL + 1])[column] += value;
        return this;
    }

    /** Sets a Table 3 cell; result is 0 upheld, 1 corrected, 2 other, 3 pending. */
    Sheet reviews(String group, int result, long value) {
        reviews.computeIfAbsent(group, g -> new long[5])[result] = value;
        return this;
    }

    Sheet cell(String key, long value) {
        return cell(key, BigDecimal.valueOf(value));
    }

    Sheet cell(String key, BigDecimal value) {
        cells.put(key, value);
        return this;
    }

    Sheet publishedOn(LocalDate date) {
        this.publishedOn = date;
        return this;
    }

    AnnualReport build() {
        long[] processed = new long[TOTAL + 1];
        for (Map.Entry<String, long[]> row : applications.entrySet()) {
            long[] values = row.getValue();
            values[TOTAL] = 0;
            for (int c = 0; c < TOTAL; c++) {
                values[TOTAL] += values[c];
            }
            if (isOutcome(row.getKey())) {
                for (int c = 0; c <= TOTAL; c++) {
                    processed[c] += values[c];
                }
            }
        }
        applications.put("totalProcessed", processed);
        for (long[] group : reviews.values()) {
            group[4] = group[0] + group[1] + group[2] + group[3];
        }
        Map<String, BigDecimal> ordered = new LinkedHashMap<>(256);
        int used = 0;
        for (CellDefinition cell : edition.cells()) {
            BigDecimal value = switch (cell.section()) {
                case "applications" -> value(applications.get(cell.row()), applicantIndex(cell.column()));
                case "reviews" -> value(reviews.get(cell.row()), reviewIndex(cell.column()));
                default -> cells.get(cell.key());
            };
            if (value != null) {
                used++;
                ordered.put(cell.key(), value);
            } else if (cell.required()) {
                ordered.put(cell.key(), BigDecimal.ZERO);
            }
        }
        int given = cells.size() + applications.size() * (TOTAL + 1) + reviews.size() * 5;
        if (used != given) {
            throw new IllegalStateException("edition " + edition.id() + " lacks some of the generated cells "
                    + cells.keySet() + " " + applications.keySet() + " " + reviews.keySet());
        }
        return new AnnualReport(
                agencyCode, agencyName, year, edition.id(), null, publishedOn, null, ReportCells.of(ordered));
    }

    private static boolean isOutcome(String row) {
        return !row.equals("newReceived")
                && !row.equals("carriedOver")
                && !row.equals("totalProcessed")
                && !row.equals("carriedForward");
    }

    private static BigDecimal value(long[] values, int index) {
        return values == null ? null : BigDecimal.valueOf(values[index]);
    }

    private static int applicantIndex(String column) {
        return switch (column) {
            case "naturalPerson" -> 0;
            case "commercial" -> 1;
            case "research" -> 2;
            case "socialWelfare" -> 3;
            case "legalService" -> 4;
            case "other" -> 5;
            case "total" -> TOTAL;
            default -> throw new IllegalStateException("unknown applicant column " + column);
        };
    }

    private static int reviewIndex(String column) {
        return switch (column) {
            case "upheld" -> 0;
            case "corrected" -> 1;
            case "other" -> 2;
            case "pending" -> 3;
            case "total" -> 4;
            default -> throw new IllegalStateException("unknown review column " + column);
        };
    }
}
