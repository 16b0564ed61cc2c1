package cn.ogi.stats.query;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a result: the group's key (a division code, an agency's code, a year, an applicant column) and name,
 * then its metrics in the order of the result's columns — in JSON {@code {"key": …, "name": …, <metric>: …}}.
 *
 * @param metrics metric key to value: a number, or null for a rate whose denominator is 0
 */
@JsonPropertyOrder({"key", "name"})
public record StatsRow(String key, String name, @JsonIgnore Map<String, Object> metrics) implements ResultRow {

    public StatsRow {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The metrics as JSON fields after key and name. */
    @JsonAnyGetter
    public Map<String, Object> metricFields() {
        return metrics;
    }

    @Override
    public Object value(String column) {
        return switch (column) {
            case "key" -> key;
            case "name" -> name;
            default -> metrics.get(column);
        };
    }
}
