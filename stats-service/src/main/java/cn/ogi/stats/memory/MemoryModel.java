package cn.ogi.stats.memory;

import cn.ogi.stats.memory.ModelRows.AgencyRow;
import cn.ogi.stats.memory.ModelRows.NodeRow;
import cn.ogi.stats.memory.ModelRows.PageEffect;
import cn.ogi.stats.memory.ModelRows.ReportStatus;
import cn.ogi.stats.memory.ModelRows.RollupKey;
import cn.ogi.stats.model.CompletenessRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The read model in memory, exactly as the tables hold it at {@link #seq()}: the registry, every rollup
 * (node, year, cell) as exact sums, and per agency and year whether a report was received, whether it was late
 * and its findings — what the queries read, so that an answer costs a few lookups whatever the number of
 * agencies. It changes only through {@link #apply} (the effect of a committed page) or while {@link ModelLoader}
 * builds it; {@link LiveModel} guards it with a read-write lock. Listings (missing, late, findings) are derived
 * per node and year on first use and kept until the registry or the statuses change ({@link Listings}).
 */
public final class MemoryModel {

    private final Map<String, ModelNode> nodes = new HashMap<>();
    private final Map<String, ModelAgency> agencies = new HashMap<>();
    private final Map<String, List<ModelAgency>> agenciesByNode = new HashMap<>();
    private final Rollups rollups;
    private final Listings listings = new Listings(this);
    private long seq;
    private int generation;
    private CompletenessRules rules;
    /** Bumped when the tree or an agency's node changes (subtrees), resp. when a listing may change. */
    private long registryVersion;

    private long statusVersion;

    public MemoryModel(CellIndex cells, CompletenessRules rules) {
        this.rollups = new Rollups(cells);
        this.rules = rules;
    }

    // --- reading ------------------------------------------------------------------------------------------------

    public long seq() {
        return seq;
    }

    public int generation() {
        return generation;
    }

    public CompletenessRules rules() {
        return rules;
    }

    public ModelNode node(String code) {
        return nodes.get(code);
    }

    public ModelAgency agency(String code) {
        return agencies.get(code);
    }

    public int agencyCount() {
        return agencies.size();
    }

    /** The root a query without a node answers for: a node without parent, a province first, then by code. */
    public ModelNode root() {
        return listings.root();
    }

    /** The root, worked out from the nodes (Listings keeps it until the registry changes). */
    ModelNode findRoot() {
        return nodes.values().stream()
                .filter(n -> n.parent == null)
                .min(Comparator.comparing((ModelNode n) -> !"province".equals(n.level))
                        .thenComparing(n -> n.code))
                .orElse(null);
    }

    public List<ModelNode> children(String code) {
        return listings.children(code);
    }

    /** The sum of a cell over the node's subtree and the years from–to (0 when nothing was reported). */
    public BigDecimal sum(String node, int from, int to, String cell) {
        return rollups.sum(node, from, to, cell);
    }

    /** The sums of several cells over the node's subtree and the years (one lookup of the node for all). */
    public BigDecimal[] sums(String node, int from, int to, String[] cellKeys) {
        return rollups.sums(node, from, to, cellKeys);
    }

    /** The keys with the prefix that hold a non-zero sum for the node in the years. */
    public Set<String> cellsWithPrefix(String node, int from, int to, String prefix) {
        return rollups.cellsWithPrefix(node, from, to, prefix);
    }

    /** Every cell key with the prefix any sum ever held (e.g. the agency kinds of the completeness counters). */
    public Set<String> knownCells(String prefix) {
        return rollups.knownCells(prefix);
    }

    /** The whole rollup of a node (every year and cell it holds); for moving a node. */
    public Map<RollupKey, BigDecimal> rollupOf(String node) {
        return rollups.rollupOf(node);
    }

    /**
     * How many things differ from another model: rollup cells (node, year, cell) whose sums differ, jurisdictions,
     * agencies and report statuses (received, late, findings) that are not the same, and the position.
     */
    public long differences(MemoryModel other) {
        long d = seq == other.seq && generation == other.generation ? 0 : 1;
        return d
                + rollups.differences(other.rollups)
                + differences(nodes, other.nodes, ModelNode::sameAs)
                + differences(agencies, other.agencies, ModelAgency::sameAs);
    }

    /** How many codes one of the maps lacks or holds otherwise than the other. */
    private static <V> long differences(Map<String, V> mine, Map<String, V> theirs, BiPredicate<V, V> same) {
        Set<String> codes = new HashSet<>(mine.keySet());
        codes.addAll(theirs.keySet());
        long d = 0;
        for (String code : codes) {
            V a = mine.get(code);
            V b = theirs.get(code);
            if (a == null || b == null || !same.test(a, b)) {
                d++;
            }
        }
        return d;
    }

    public Listings listings() {
        return listings;
    }

    // --- changing -----------------------------------------------------------------------------------------------

    /** Applies what a committed page changed and moves to its seq. */
    public void apply(PageEffect effect) {
        effect.nodes().forEach(this::put);
        effect.agencies().forEach(this::put);
        effect.statuses().forEach(this::put);
        effect.rollupDeltas().forEach((key, delta) -> add(key.node(), key.year(), key.cell(), delta));
        if (!effect.statuses().isEmpty() || !effect.agencies().isEmpty()) {
            statusVersion++;
        }
        seq = effect.toSeq();
    }

    void position(long newSeq, int newGeneration) {
        seq = newSeq;
        generation = newGeneration;
    }

    void rules(CompletenessRules newRules) {
        rules = newRules;
        statusVersion++;
    }

    void put(NodeRow row) {
        ModelNode node = nodes.computeIfAbsent(row.code(), ModelNode::new);
        if (!Objects.equals(node.parent, row.parent()) || node.name == null) {
            registryVersion++;
        }
        node.name = row.name();
        node.level = row.level();
        node.parent = row.parent();
    }

    void put(AgencyRow row) {
        ModelAgency agency = agencies.get(row.code());
        if (agency == null) {
            agency = new ModelAgency(row.code());
            agencies.put(row.code(), agency);
        }
        if (!Objects.equals(agency.jurisdiction, row.jurisdiction())) {
            if (agency.jurisdiction != null) {
                agenciesByNode
                        .getOrDefault(agency.jurisdiction, new ArrayList<>())
                        .remove(agency);
            }
            if (row.jurisdiction() != null) {
                agenciesByNode
                        .computeIfAbsent(row.jurisdiction(), k -> new ArrayList<>())
                        .add(agency);
            }
            registryVersion++;
        }
        agency.name = row.name();
        agency.kind = row.kind();
        agency.jurisdiction = row.jurisdiction();
        agency.from = row.reportsFrom();
        agency.until = row.reportsUntil();
    }

    void put(ReportStatus status) {
        ModelAgency agency = agencies.computeIfAbsent(status.agencyCode(), ModelAgency::new);
        int at = Arrays.binarySearch(agency.years, status.year());
        if (at < 0) {
            int insert = -at - 1;
            int[] years = new int[agency.years.length + 1];
            System.arraycopy(agency.years, 0, years, 0, insert);
            years[insert] = status.year();
            System.arraycopy(agency.years, insert, years, insert + 1, agency.years.length - insert);
            agency.years = years;
        }
        agency.late = with(agency.late, status.year(), status.late());
        agency.findings = with(agency.findings, status.year(), status.findings());
    }

    void add(String node, int year, String cell, BigDecimal delta) {
        rollups.add(node, year, cell, delta);
    }

    private static <V> Map<Integer, V> with(Map<Integer, V> map, int year, V value) {
        if (value == null) {
            if (map != null) {
                map.remove(year);
            }
            return map == null || map.isEmpty() ? null : map;
        }
        Map<Integer, V> result = map == null ? new HashMap<>(2) : map;
        result.put(year, value);
        return result;
    }

    // --- for Listings ---------------------------------------------------------------------------------------------

    long registryVersion() {
        return registryVersion;
    }

    long statusVersion() {
        return statusVersion;
    }

    Iterable<ModelNode> nodes() {
        return nodes.values();
    }

    List<ModelAgency> agenciesIn(String node) {
        return agenciesByNode.getOrDefault(node, List.of());
    }

    /** The node and its descendants (each once, whatever the registry says). */
    List<String> subtreeNodes(String root) {
        List<String> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            String code = todo.remove(todo.size() - 1);
            if (seen.add(code)) {
                found.add(code);
                children(code).forEach(c -> todo.add(c.code));
            }
        }
        return found;
    }
}
