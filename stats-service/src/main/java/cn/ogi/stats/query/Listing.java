package cn.ogi.stats.query;

import java.util.List;

/**
 * A list that goes with a result (the missing agencies of /completeness, the findings of /quality):
 * in JSON a field named {@code name}; in XLSX a sheet of its own titled {@code title}.
 * {@code total} is set when the list is paged (then {@code <name>Total} says how many there are). The items are
 * records of {@link ListingItems}, one component per column.
 */
public record Listing(String name, String title, List<Column> columns, List<? extends ResultRow> items, Long total) {

    public Listing {
        items = List.copyOf(items);
    }
}
