package cn.ogi.stats.query;

import cn.ogi.form.edition.IndicatorDefinition;
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
 * The metrics of one query: sums of cells (named by the canonical keys) and the indicators of the edition
 * definitions over those sums ({@link Indicator}).
 * A cell template may contain {@code {column}}: it reads the {@code total} column, or with
 * {@code groupBy=applicantType} one applicant column per row. The cell keys of a column are worked out once.
 */
public final class MetricSet {

    /** A sum of one cell over the reports. */
    public record Sum(String name, String label, String cell) {
        String cell(String column) {
            return cell.replace("{" + COLUMN_VARIABLE + "}", column);
        }
    }

    public static final String TOTAL_COLUMN = "total";
    /** The forEach variable of an indicator defined per applicant column, and the placeholder of a cell template. */
    static final String COLUMN_VARIABLE = "column";

    private final List<Sum> sums;
    private final List<Indicator> indicators;
    private final Map<String, String[]> cellsByColumn = new ConcurrentHashMap<>();

    /** The sums and, of the given indicators, every one whose cells are among the sums (in the given order). */
    public MetricSet(List<Sum> sums, List<IndicatorDefinition> indicators) {
        this.sums = List.copyOf(sums);
        List<String> cells = this.sums.stream().map(Sum::cell).toList();
        this.indicators = indicators.stream()
                .flatMap(i -> Indicator.over(i, cells).stream())
                .toList();
    }

    /** The keys of the indicators this set answers. */
    public List<String> indicatorKeys() {
        return indicators.stream().map(Indicator::name).toList();
    }

    public boolean perApplicantColumn() {
        return sums.stream().anyMatch(s -> s.cell().contains("{column}"));
    }

    public List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        sums.forEach(s -> columns.add(new Column(s.name(), s.label())));
        indicators.forEach(i -> columns.add(new Column(i.name(), i.label())));
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
        for (Indicator indicator : indicators) {
            metrics.put(indicator.name(), indicator.value(values));
        }
        return metrics;
    }
}
