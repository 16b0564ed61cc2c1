package cn.ogi.stats.memory;

import cn.ogi.stats.memory.ModelRows.FindingItem;
import cn.ogi.stats.memory.ModelRows.LateReport;
import cn.ogi.stats.memory.ModelRows.ReportFindings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lists of a node, read by index: for each (node, year) asked, the agencies of its subtree that are
 * missing, late or have findings, as positions in the subtree sorted by code — built once from the statuses
 * and kept until the registry or a status changes, so that a page of a list costs its own length (plus the
 * items before it), not a walk of the subtree. Spans of years merge the per-year lists by (code, year).
 */
public final class Listings {

    /** Entries kept at most before the cache starts afresh (each holds a node-year's lists). */
    private static final int MAX_ENTRIES = 20_000;

    private static final Comparator<ModelNode> BY_CODE = Comparator.comparing(ModelNode::code);

    private final MemoryModel model;
    private volatile Tree tree;
    private final Map<String, ModelAgency[]> subtrees = new ConcurrentHashMap<>();
    private final Map<String, YearLists> years = new ConcurrentHashMap<>();

    Listings(MemoryModel model) {
        this.model = model;
    }

    /** An agency-year of a list. */
    public record Item(ModelAgency agency, int year) {
        public LateReport late() {
            return agency.late(year);
        }
    }

    /** One finding of a listed report. */
    public record FindingRef(ModelAgency agency, int year, int version, int ordinal, FindingItem finding) {}

    /** A page of a list and how many items the whole list holds. */
    public record Page<T>(List<T> items, long total) {}

    private record Tree(long version, Map<String, List<ModelNode>> children, ModelNode root) {}

    // Per-year arrays built once and only read; never compared.
    @SuppressWarnings("ArrayRecordComponent")
    private record YearLists(long registry, long status, int[] missing, int[] late, int[] findings) {
        int[] of(Kind kind) {
            return switch (kind) {
                case MISSING -> missing;
                case LATE -> late;
                case FINDINGS -> findings;
            };
        }
    }

    List<ModelNode> children(String code) {
        Tree t = tree;
        if (t == null || t.version != model.registryVersion()) {
            Map<String, List<ModelNode>> children = new HashMap<>();
            for (ModelNode n : model.nodes()) {
                if (n.parent != null) {
                    children.computeIfAbsent(n.parent, k -> new ArrayList<>()).add(n);
                }
            }
            children.values().forEach(list -> list.sort(BY_CODE));
            t = new Tree(model.registryVersion(), children, model.findRoot());
            tree = t;
            subtrees.clear();
        }
        return t.children.getOrDefault(code, List.of());
    }

    /** The node a query without a node answers for. */
    ModelNode root() {
        children("");
        return tree.root;
    }

    /** Expected agency-years of the subtree without a report, by code then year. */
    public Page<Item> missing(String node, int from, int to, int offset, int size) {
        return items(node, from, to, offset, size, Kind.MISSING);
    }

    /** Agency-years of the subtree whose first version was late, by code then year. */
    public Page<Item> late(String node, int from, int to, int offset, int size) {
        return items(node, from, to, offset, size, Kind.LATE);
    }

    /** The findings of the subtree's reports (of one rule, or all), by code, year and order in the report. */
    public Page<FindingRef> findings(String node, int from, int to, String rule, int offset, int size) {
        ModelAgency[] agencies = subtree(node);
        List<FindingRef> page = new ArrayList<>();
        long total = 0;
        for (Item item : merged(node, agencies, from, to, Kind.FINDINGS)) {
            ReportFindings f = item.agency().findings(item.year());
            for (int ordinal = 0; ordinal < f.items().size(); ordinal++) {
                FindingItem finding = f.items().get(ordinal);
                if (rule == null || rule.equals(finding.rule())) {
                    if (total >= offset && page.size() < size) {
                        page.add(new FindingRef(item.agency(), item.year(), f.version(), ordinal, finding));
                    }
                    total++;
                }
            }
        }
        return new Page<>(page, total);
    }

    private Page<Item> items(String node, int from, int to, int offset, int size, Kind type) {
        ModelAgency[] agencies = subtree(node);
        if (from == to) {
            int[] positions = lists(node, agencies, from).of(type);
            List<Item> page = new ArrayList<>();
            for (int i = offset; i < positions.length && page.size() < size; i++) {
                page.add(new Item(agencies[positions[i]], from));
            }
            return new Page<>(page, positions.length);
        }
        List<Item> all = merged(node, agencies, from, to, type);
        int end = (int) Math.min(all.size(), (long) offset + size);
        return new Page<>(offset >= all.size() ? List.of() : all.subList(offset, end), all.size());
    }

    /** The lists of every year of the span merged by (position, year), i.e. by code then year. */
    private List<Item> merged(String node, ModelAgency[] agencies, int from, int to, Kind type) {
        int span = to - from + 1;
        int[][] lists = new int[span][];
        int[] at = new int[span];
        int total = 0;
        for (int y = 0; y < span; y++) {
            lists[y] = lists(node, agencies, from + y).of(type);
            total += lists[y].length;
        }
        List<Item> merged = new ArrayList<>(total);
        while (merged.size() < total) {
            int best = -1;
            for (int y = 0; y < span; y++) {
                if (at[y] < lists[y].length && (best < 0 || lists[y][at[y]] < lists[best][at[best]])) {
                    best = y;
                }
            }
            merged.add(new Item(agencies[lists[best][at[best]++]], from + best));
        }
        return merged;
    }

    /** The subtree's agencies sorted by code. */
    ModelAgency[] subtree(String node) {
        children(node); // refreshes the tree (and drops stale subtrees) when the registry changed
        return subtrees.computeIfAbsent(node, code -> {
            List<ModelAgency> found = new ArrayList<>();
            for (String n : model.subtreeNodes(code)) {
                found.addAll(model.agenciesIn(n));
            }
            ModelAgency[] sorted = found.toArray(ModelAgency[]::new);
            Arrays.sort(sorted, Comparator.comparing(ModelAgency::code));
            return sorted;
        });
    }

    private YearLists lists(String node, ModelAgency[] agencies, int year) {
        String key = node + "/" + year;
        YearLists lists = years.get(key);
        if (lists != null && lists.registry == model.registryVersion() && lists.status == model.statusVersion()) {
            return lists;
        }
        if (years.size() > MAX_ENTRIES) {
            years.clear();
        }
        IntList missing = new IntList();
        IntList late = new IntList();
        IntList findings = new IntList();
        for (int i = 0; i < agencies.length; i++) {
            ModelAgency a = agencies[i];
            if (a.reported(year)) {
                if (a.late(year) != null) {
                    late.add(i);
                }
                if (a.findings(year) != null) {
                    findings.add(i);
                }
            } else if (a.expected(year)) {
                missing.add(i);
            }
        }
        lists = new YearLists(
                model.registryVersion(), model.statusVersion(), missing.toArray(), late.toArray(), findings.toArray());
        years.put(key, lists);
        return lists;
    }

    /** Which list of a node-year. */
    private enum Kind {
        MISSING,
        LATE,
        FINDINGS
    }

    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
