package cn.ogi.stats.query;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a result: the group's key (a division code, an agency's code, a year, an applicant column) and name,
 * then its metrics in the order of the result's columns — in JSON {@code {"key": …, "name": …, <metric>: …}}.
 *
 * @param parent for {@code groupBy=grandchild}: the code of the node's child the row lies under; otherwise null
 *     (not written)
 * @param metrics metric key to value: a number, or null for a rate whose denominator is 0
 */
@JsonPropertyOrder({"key", "name", "parent"})
public record StatsRow(
        String key,
        String name,
        @JsonInclude(JsonInclude.Include.NON_NULL) String parent,
        @JsonIgnore Map<String, Object> metrics)
        implements ResultRow {

    public StatsRow {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** A row that lies under no other (every grouping but grandchild). */
    public StatsRow(String key, String name, Map<String, Object> metrics) {
        this(key, name, null, metrics);
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
            case "parent" -> parent;
            default -> metrics.get(column);
        };
    }
}
