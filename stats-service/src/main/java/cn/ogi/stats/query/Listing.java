package cn.ogi.stats.query;

import java.util.List;
import java.util.Map;

/**
 * A list that goes with a result (the missing agencies of /completeness, the findings of /quality):
 * in JSON a field named {@code name}; in XLSX a sheet of its own titled {@code title}.
 * {@code total} is set when the list is paged (then {@code <name>Total} says how many there are).
 */
public record Listing(String name, String title, List<Column> columns, List<Map<String, Object>> items, Long total) {}
