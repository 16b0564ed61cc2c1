package cn.ogi.intake.parse;

import cn.ogi.form.edition.ColumnDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.RowDefinition;
import cn.ogi.form.edition.SectionDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Table 3 (行政复议、行政诉讼): fifteen numbers without row labels, printed after the headers, in the order
 * 行政复议, 未经复议直接起诉, 复议后起诉 × (维持, 纠正, 其他, 尚未审结, 总计).
 */
final class ReviewsReader {

    static final String SECTION = "reviews";

    private final CellSink sink;

    ReviewsReader(CellSink sink) {
        this.sink = sink;
    }

    /** Reads the section's numbers; returns the number of numbers found. */
    int read(EditionDefinition edition, List<TextRow> rows, int from, int to) {
        SectionDefinition section = edition.section(SECTION).orElse(null);
        if (section == null || from < 0) {
            return 0;
        }
        List<String> keys = new ArrayList<>();
        for (RowDefinition r : section.rows()) {
            for (ColumnDefinition c : r.columns()) {
                keys.add(SECTION + "." + r.key() + "." + c.key());
            }
        }
        int groupSize =
                section.rows().isEmpty() ? 5 : section.rows().get(0).columns().size();
        List<Quantity> numbers = new ArrayList<>();
        boolean pipe = false;
        for (int i = from; i < to && i < rows.size() && numbers.size() < 4 * keys.size(); i++) {
            TextRow row = rows.get(i);
            if (row.isNumericOnly()) {
                numbers.addAll(row.values());
                pipe |= row.pipe();
            }
        }
        while (!numbers.isEmpty() && numbers.get(numbers.size() - 1) == null) {
            numbers.remove(numbers.size() - 1);
        }
        if (numbers.isEmpty()) {
            sink.note(ParseNote.NOT_FOUND, keys, "Table 3 numbers not found");
            return 0;
        }
        TextRow combined = new TextRow("", numbers, null, numbers.size(), pipe);
        new RowResolver(sink).resolve(keys, combined, v -> groupTotalsHold(v, groupSize), Quantity::value);
        return numbers.size();
    }

    /** REV-TOTAL on every group that is fully printed (groups with a blank cell cannot be checked). */
    static boolean groupTotalsHold(List<BigDecimal> v, int groupSize) {
        for (int g = 0; g + groupSize <= v.size(); g += groupSize) {
            List<BigDecimal> group = v.subList(g, g + groupSize);
            if (group.contains(null)) {
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < groupSize - 1; i++) {
                sum = sum.add(group.get(i));
            }
            if (sum.compareTo(group.get(groupSize - 1)) != 0) {
                return false;
            }
        }
        return true;
    }
}
