package cn.ogi.form.edition;

import java.util.List;
import java.util.Map;

/**
 * An indicator of the form, declared as data the way DHIS2 declares indicators: a numerator and a denominator,
 * each a sum of cell terms of the edition, and the indicator is numerator / denominator (null when the
 * denominator is 0). With a {@code forEach} ({@code column} over {@code columns:applicant}) it has one instance per
 * column; the stats read the instance of the column they answer for ({@code total} unless split by applicant).
 *
 * @param key         the indicator's name where it is answered (a JSON field of stats), e.g. {@code disclosureRate}
 * @param label       its Chinese label (exports, console)
 * @param variable    the forEach variable, or null
 * @param values      the values the variable takes
 * @param numerator   the cells summed above the line
 * @param denominator the cells summed below it
 */
public record IndicatorDefinition(
        String key, String label, String variable, List<String> values, Expression numerator, Expression denominator) {

    public IndicatorDefinition {
        values = List.copyOf(values);
    }

    /** One variable binding per instance; a single empty binding without forEach. */
    public List<Map<String, String>> bindings() {
        return ForEach.bindings(variable, values);
    }
}
