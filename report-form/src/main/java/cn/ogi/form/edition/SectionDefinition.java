package cn.ogi.form.edition;

import java.util.List;

/** A section of the canonical JSON (a printed table, or a group of figures outside the tables). */
public record SectionDefinition(String key, String label, List<RowDefinition> rows) {

    public SectionDefinition {
        rows = List.copyOf(rows);
    }

    public List<String> rowKeys() {
        return rows.stream().map(RowDefinition::key).toList();
    }
}
