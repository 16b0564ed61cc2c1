package cn.ogi.stats.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The metrics of one query: sums of cells (named by the canonical keys) and rates over those sums.
 * A cell template may contain {@code {column}}: it reads the {@code total} column, or with
 * {@code groupBy=applicantType} one applicant column per row.
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

    public MetricSet(List<Sum> sums, List<Rate> rates) {
        this.sums = List.copyOf(sums);
        this.rates = List.copyOf(rates);
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

    /** The cells to read for the given applicant columns. */
    public Set<String> cells(List<String> applicantColumns) {
        Set<String> cells = new LinkedHashSet<>();
        for (String column : applicantColumns) {
            sums.forEach(s -> cells.add(s.cell(column)));
        }
        return cells;
    }

    /** The metrics of one group, given its summed cells. */
    public Map<String, Object> compute(Function<String, BigDecimal> cellValue, String column) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Sum s : sums) {
            values.put(s.name(), Numbers.plain(cellValue.apply(s.cell(column))));
        }
        Map<String, Object> metrics = new LinkedHashMap<>(values);
        for (Rate r : rates) {
            BigDecimal num = r.numerator().stream().map(values::get).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal den = r.denominator().stream().map(values::get).reduce(BigDecimal.ZERO, BigDecimal::add);
            metrics.put(r.name(), Numbers.rate(num, den));
        }
        return metrics;
    }
}
