package cn.ogi.stats.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The metrics of one query: sums of cells (named by the canonical keys) and rates over those sums.
 * A cell template may contain {@code {column}}: it reads the {@code total} column, or with
 * {@code groupBy=applicantType} one applicant column per row. The cell keys of a column are worked out once.
 */
public final class MetricSet {

    /** A sum of one cell over the reports. */
    public record Sum(String name, String label, String cell) {
        String cell(String column) {
            return cell.replace("{column}", column);
        }
    }

    /** Σ numerator sums / Σ denominator sums; null when the denominator is 0. */
    public record Rate(String name, String label, List<String> numerator, List<String> denominator) {}

    public static final String TOTAL_COLUMN = "total";

    private final List<Sum> sums;
    private final List<Rate> rates;
    /** Per rate, the positions of its numerator and denominator sums in {@link #sums}. */
    private final int[][] numerators;

    private final int[][] denominators;
    private final Map<String, String[]> cellsByColumn = new ConcurrentHashMap<>();

    public MetricSet(List<Sum> sums, List<Rate> rates) {
        this.sums = List.copyOf(sums);
        this.rates = List.copyOf(rates);
        List<String> names = this.sums.stream().map(Sum::name).toList();
        numerators = new int[rates.size()][];
        denominators = new int[rates.size()][];
        for (int r = 0; r < rates.size(); r++) {
            numerators[r] =
                    rates.get(r).numerator().stream().mapToInt(names::indexOf).toArray();
            denominators[r] =
                    rates.get(r).denominator().stream().mapToInt(names::indexOf).toArray();
        }
    }

    public boolean perApplicantColumn() {
        return sums.stream().anyMatch(s -> s.cell().contains("{column}"));
    }

    public List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        sums.forEach(s -> columns.add(new Column(s.name(), s.label())));
        rates.forEach(r -> columns.add(new Column(r.name(), r.label())));
        return columns;
    }

    /** The cell of each sum for the column, in the order of the sums. */
    public String[] cellsOf(String column) {
        return cellsByColumn.computeIfAbsent(
                column, c -> sums.stream().map(s -> s.cell(c)).toArray(String[]::new));
    }

    /** The cells to read for the given applicant columns. */
    public Set<String> cells(List<String> applicantColumns) {
        Set<String> cells = new LinkedHashSet<>();
        for (String column : applicantColumns) {
            cells.addAll(List.of(cellsOf(column)));
        }
        return cells;
    }

    /** The metrics of one group, given its summed cells. */
    public Map<String, Object> compute(Function<String, BigDecimal> cellValue, String column) {
        String[] cells = cellsOf(column);
        BigDecimal[] values = new BigDecimal[cells.length];
        for (int i = 0; i < cells.length; i++) {
            values[i] = cellValue.apply(cells[i]);
        }
        return compute(values);
    }

    /** The metrics of one group, given the sums of its cells in the order of {@link #cellsOf}. */
    public Map<String, Object> compute(BigDecimal[] sumsInOrder) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        BigDecimal[] values = new BigDecimal[sumsInOrder.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = Numbers.plain(sumsInOrder[i]);
            metrics.put(sums.get(i).name(), values[i]);
        }
        for (int r = 0; r < rates.size(); r++) {
            metrics.put(
                    rates.get(r).name(), Numbers.rate(total(values, numerators[r]), total(values, denominators[r])));
        }
        return metrics;
    }

    private static BigDecimal total(BigDecimal[] values, int[] positions) {
        BigDecimal total = BigDecimal.ZERO;
        for (int p : positions) {
            total = total.add(values[p]);
        }
        return total;
    }
}
