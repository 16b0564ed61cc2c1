package cn.ogi.form.edition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One edition of the form, built from its definition file by {@link EditionLoader}. Immutable and
 * thread-safe; everything about rows, columns, labels and rules is answered from here so that no
 * other code spells a row key by hand.
 */
public final class EditionDefinition {

    private final String id;
    private final String label;
    private final Integer fromYear;
    private final Integer toYear;
    private final Map<String, List<ColumnDefinition>> columnSets;
    private final List<SectionDefinition> sections;
    private final List<RuleDefinition> rules;
    private final List<IndicatorDefinition> indicators;
    private final List<CellDefinition> cells;
    private final Map<String, CellDefinition> cellIndex;
    /** Paths that are JSON objects in the canonical form: sections and row prefixes ({@code applications.withheld}). */
    private final Set<String> objectPaths;

    private final Map<String, List<String>> expansions = new ConcurrentHashMap<>();

    EditionDefinition(
            String id,
            String label,
            Integer fromYear,
            Integer toYear,
            Map<String, List<ColumnDefinition>> columnSets,
            List<SectionDefinition> sections,
            List<RuleDefinition> rules,
            List<IndicatorDefinition> indicators) {
        this.id = id;
        this.label = label;
        this.fromYear = fromYear;
        this.toYear = toYear;
        this.columnSets = Collections.unmodifiableMap(new LinkedHashMap<>(columnSets));
        this.sections = List.copyOf(sections);
        this.rules = List.copyOf(rules);
        this.indicators = List.copyOf(indicators);
        List<CellDefinition> all = new ArrayList<>();
        Set<String> objects = new HashSet<>();
        for (SectionDefinition s : sections) {
            objects.add(s.key());
            for (RowDefinition r : s.rows()) {
                String rowPath = s.key() + "." + r.key();
                for (int dot = rowPath.indexOf('.', s.key().length() + 1);
                        dot > 0;
                        dot = rowPath.indexOf('.', dot + 1)) {
                    objects.add(rowPath.substring(0, dot));
                }
                if (r.isLeaf()) {
                    all.add(new CellDefinition(
                            rowPath, s.key(), r.key(), null, r.label(), r.leafType(), r.required(), r.leafBounds()));
                } else {
                    objects.add(rowPath);
                    for (ColumnDefinition c : r.columns()) {
                        all.add(new CellDefinition(
                                rowPath + "." + c.key(),
                                s.key(),
                                r.key(),
                                c.key(),
                                r.label() + " / " + c.label(),
                                c.type(),
                                r.required(),
                                c.bounds()));
                    }
                }
            }
        }
        this.cells = List.copyOf(all);
        Map<String, CellDefinition> index = new LinkedHashMap<>();
        for (CellDefinition c : all) {
            if (index.put(c.key(), c) != null) {
                throw new IllegalStateException("edition " + id + " defines cell " + c.key() + " twice");
            }
        }
        this.cellIndex = Collections.unmodifiableMap(index);
        this.objectPaths = Set.copyOf(objects);
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public Optional<Integer> fromYear() {
        return Optional.ofNullable(fromYear);
    }

    public Optional<Integer> toYear() {
        return Optional.ofNullable(toYear);
    }

    public boolean appliesTo(int year) {
        return (fromYear == null || year >= fromYear) && (toYear == null || year <= toYear);
    }

    /** Every cell in canonical order (sections, rows, columns as defined). */
    public List<CellDefinition> cells() {
        return cells;
    }

    public Optional<CellDefinition> cell(String key) {
        return Optional.ofNullable(cellIndex.get(key));
    }

    public boolean hasCell(String key) {
        return cellIndex.containsKey(key);
    }

    public List<SectionDefinition> sections() {
        return sections;
    }

    public Optional<SectionDefinition> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public List<RuleDefinition> rules() {
        return rules;
    }

    /** The indicators (ratios over cells) the edition declares, in definition order. */
    public List<IndicatorDefinition> indicators() {
        return indicators;
    }

    public Set<String> columnSetNames() {
        return columnSets.keySet();
    }

    public List<ColumnDefinition> columnSet(String name) {
        List<ColumnDefinition> set = columnSets.get(name);
        if (set == null) {
            throw new IllegalArgumentException(
                    "edition " + id + " has no column set '" + name + "'; known: " + columnSets.keySet());
        }
        return set;
    }

    public List<String> columnKeys(String columnSet) {
        return columnSet(columnSet).stream().map(ColumnDefinition::key).toList();
    }

    /** Row keys of a section, in order; empty if the section is not in this edition. */
    public List<String> rowKeys(String section) {
        return section(section).map(SectionDefinition::rowKeys).orElse(List.of());
    }

    /** True if the path is an object in the canonical JSON (a section, a row, or a row-group prefix). */
    public boolean isObjectPath(String path) {
        return objectPaths.contains(path);
    }

    /**
     * The defined cell keys a reference names, in canonical order. {@code *} matches exactly one key
     * segment; a reference without wildcards yields itself if defined, else nothing.
     */
    public List<String> expand(String reference) {
        return expansions.computeIfAbsent(reference, this::computeExpansion);
    }

    private List<String> computeExpansion(String reference) {
        if (!reference.contains("*")) {
            return cellIndex.containsKey(reference) ? List.of(reference) : List.of();
        }
        String[] pattern = reference.split("\\.");
        return cells.stream()
                .map(CellDefinition::key)
                .filter(k -> matches(pattern, k.split("\\.")))
                .toList();
    }

    private static boolean matches(String[] pattern, String[] key) {
        if (pattern.length != key.length) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(key[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "EditionDefinition[" + id + ", " + cells.size() + " cells, " + rules.size() + " rules, "
                + indicators.size() + " indicators]";
    }
}
