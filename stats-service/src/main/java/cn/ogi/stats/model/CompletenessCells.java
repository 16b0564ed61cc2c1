package cn.ogi.stats.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Completeness as rollup cells, so that it is kept per (node, year, agency kind) as events arrive, moves with
 * agencies and nodes like every other cell, and is checked by the rebuild. Two kinds of counters:
 * <ul>
 *   <li>per agency (cells of {@link #agency}): {@code #completeness.starting.<kind>} = 1 in the first year it
 *       is expected and {@code #completeness.ending.<kind>} = 1 in the year after its last — the number of
 *       agencies expected in year Y is the sum of starting − ending over the years up to Y, so an agency
 *       without reportsFrom/reportsUntil costs two cells, not one per year;</li>
 *   <li>per report (cells of {@link #report}): {@code #completeness.onTime.<kind>} or
 *       {@code #completeness.late.<kind>}, and {@code #completeness.expectedReported.<kind>} when the agency was
 *       expected that year (missing = expected − expectedReported).</li>
 * </ul>
 * Years outside {@link #FIRST_YEAR}–{@link #LAST_YEAR} (what queries may ask) are clamped away.
 */
public final class CompletenessCells {

    public static final String PREFIX = "#completeness.";
    public static final String STARTING = PREFIX + "starting.";
    public static final String ENDING = PREFIX + "ending.";
    public static final String ON_TIME = PREFIX + "onTime.";
    public static final String LATE = PREFIX + "late.";
    public static final String EXPECTED_REPORTED = PREFIX + "expectedReported.";
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    private static final String UNKNOWN_KIND = "unknown";

    private CompletenessCells() {}

    /** A cell of one year. */
    public record YearCell(int year, String cell) {}

    /** The kind as it appears in cell keys. */
    public static String kind(String kind) {
        return kind == null || kind.isBlank() ? UNKNOWN_KIND : kind;
    }

    /** Whether an agency with these bounds is expected to report for the year. */
    public static boolean expected(Integer from, Integer until, int year) {
        return (from == null || from <= year) && (until == null || year <= until);
    }

    /** The agency's interval of expected years as two counters (nothing when it is expected in no asked year). */
    public static Map<YearCell, BigDecimal> agency(String kind, Integer from, Integer until) {
        int first = from == null ? FIRST_YEAR : Math.max(from, FIRST_YEAR);
        int last = until == null ? LAST_YEAR : Math.min(until, LAST_YEAR);
        Map<YearCell, BigDecimal> cells = new LinkedHashMap<>();
        if (first <= last) {
            cells.put(new YearCell(first, STARTING + kind(kind)), BigDecimal.ONE);
            if (last < LAST_YEAR) {
                cells.put(new YearCell(last + 1, ENDING + kind(kind)), BigDecimal.ONE);
            }
        }
        return cells;
    }

    /** A report's counters: on time or late, and whether its agency was expected that year. */
    public static Map<String, BigDecimal> report(String kind, Integer from, Integer until, int year, boolean late) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        cells.put((late ? LATE : ON_TIME) + kind(kind), BigDecimal.ONE);
        if (expected(from, until, year)) {
            cells.put(EXPECTED_REPORTED + kind(kind), BigDecimal.ONE);
        }
        return cells;
    }
}
