package cn.ogi.stats.memory;

import cn.ogi.stats.memory.ModelRows.AgencyRow;
import cn.ogi.stats.memory.ModelRows.LateReport;
import cn.ogi.stats.memory.ModelRows.NodeRow;
import cn.ogi.stats.memory.ModelRows.PageEffect;
import cn.ogi.stats.memory.ModelRows.ReportFindings;
import cn.ogi.stats.memory.ModelRows.ReportStatus;
import cn.ogi.stats.memory.ModelRows.RollupKey;
import cn.ogi.stats.model.CompletenessCells;
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
import java.util.TreeSet;

/**
 * The read model in memory, exactly as the tables hold it at {@link #seq()}: the registry, every rollup
 * (node, year, cell) as exact sums, and per agency and year whether a report was received, whether it was late
 * and its findings — what the queries read, so that an answer costs a few lookups whatever the number of
 * agencies. It changes only through {@link #apply} (the effect of a committed page) or while {@link ModelLoader}
 * builds it; {@link LiveModel} guards it with a read-write lock. Listings (missing, late, findings) are derived
 * per node and year on first use and kept until the registry or the statuses change ({@link Listings}).
 */
public final class MemoryModel {

    /** A jurisdiction node. */
    public static final class Node {
        final String code;
        String name;
        String level;
        String parent;

        Node(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public String name() {
            return name;
        }

        public String level() {
            return level;
        }

        public String parent() {
            return parent;
        }
    }

    /** An agency with the years it reported, its late reports and the findings of its reports. */
    public static final class Agency {
        static final int[] NO_YEARS = new int[0];
        final String code;
        String name;
        String kind;
        String jurisdiction;
        Integer from;
        Integer until;
        int[] years = NO_YEARS;
        Map<Integer, LateReport> late;
        Map<Integer, ReportFindings> findings;

        Agency(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public String name() {
            return name;
        }

        public String kind() {
            return kind;
        }

        public String jurisdiction() {
            return jurisdiction;
        }

        /** The agency as its registry row. */
        public ModelRows.AgencyRow row() {
            return new ModelRows.AgencyRow(code, name, kind, jurisdiction, from, until);
        }

        /** The years it has a report for, ascending. */
        public int[] reportedYears() {
            return years;
        }

        public boolean expected(int year) {
            return CompletenessCells.expected(from, until, year);
        }

        public boolean reported(int year) {
            return Arrays.binarySearch(years, year) >= 0;
        }

        public LateReport late(int year) {
            return late == null ? null : late.get(year);
        }

        public ReportFindings findings(int year) {
            return findings == null ? null : findings.get(year);
        }
    }

    final CellIndex cells;
    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, Agency> agencies = new HashMap<>();
    private final Map<String, List<Agency>> agenciesByNode = new HashMap<>();
    private final Map<String, Map<Integer, Sums>> rollups = new HashMap<>();
    private final Listings listings = new Listings(this);
    private long seq;
    private int generation;
    private CompletenessRules rules;
    /** Bumped when the tree or an agency's node changes (subtrees), resp. when a listing may change. */
    private long registryVersion;

    private long statusVersion;

    public MemoryModel(CellIndex cells, CompletenessRules rules) {
        this.cells = cells;
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

    public Node node(String code) {
        return nodes.get(code);
    }

    public Agency agency(String code) {
        return agencies.get(code);
    }

    public int agencyCount() {
        return agencies.size();
    }

    /** The root a query without a node answers for: a node without parent, a province first, then by code. */
    public Node root() {
        return listings.root();
    }

    /** The root, worked out from the nodes (Listings keeps it until the registry changes). */
    Node findRoot() {
        return nodes.values().stream()
                .filter(n -> n.parent == null)
                .min(Comparator.comparing((Node n) -> !"province".equals(n.level))
                        .thenComparing(n -> n.code))
                .orElse(null);
    }

    public List<Node> children(String code) {
        return listings.children(code);
    }

    /** The sum of a cell over the node's subtree and the years from–to (0 when nothing was reported). */
    public BigDecimal sum(String node, int from, int to, String cell) {
        int id = cells.find(cell);
        Map<Integer, Sums> years = rollups.get(node);
        if (id < 0 || years == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal sum = BigDecimal.ZERO;
        if (to - from + 1 > years.size()) { // a wide span (completeness sums from 2000): walk the years held
            for (Map.Entry<Integer, Sums> y : years.entrySet()) {
                if (y.getKey() >= from && y.getKey() <= to && y.getValue().nonZero(id)) {
                    sum = sum.add(y.getValue().get(id));
                }
            }
            return sum;
        }
        for (int year = from; year <= to; year++) {
            Sums sums = years.get(year);
            if (sums != null && sums.nonZero(id)) {
                sum = sum.add(sums.get(id));
            }
        }
        return sum;
    }

    /** The sums of several cells over the node's subtree and the years (one lookup of the node for all). */
    public BigDecimal[] sums(String node, int from, int to, String[] cellKeys) {
        BigDecimal[] sums = new BigDecimal[cellKeys.length];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        Map<Integer, Sums> years = rollups.get(node);
        if (years == null) {
            return sums;
        }
        int[] ids = new int[cellKeys.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = cells.find(cellKeys[i]);
        }
        for (int year = from; year <= to; year++) {
            Sums y = years.get(year);
            if (y == null) {
                continue;
            }
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] >= 0 && y.nonZero(ids[i])) {
                    sums[i] = sums[i].add(y.get(ids[i]));
                }
            }
        }
        return sums;
    }

    /** The keys with the prefix that hold a non-zero sum for the node in the years. */
    public Set<String> cellsWithPrefix(String node, int from, int to, String prefix) {
        Set<String> found = new TreeSet<>();
        Map<Integer, Sums> years = rollups.get(node);
        if (years == null) {
            return found;
        }
        for (int year = from; year <= to; year++) {
            Sums sums = years.get(year);
            for (int id = 0; sums != null && id < sums.width(); id++) {
                if (sums.nonZero(id) && cells.key(id).startsWith(prefix)) {
                    found.add(cells.key(id));
                }
            }
        }
        return found;
    }

    /** Every cell key with the prefix any sum ever held (e.g. the agency kinds of the completeness counters). */
    public Set<String> knownCells(String prefix) {
        return cells.withPrefix(prefix);
    }

    /** The whole rollup of a node (every year and cell it holds); for moving a node. */
    public Map<RollupKey, BigDecimal> rollupOf(String node) {
        Map<RollupKey, BigDecimal> all = new HashMap<>();
        Map<Integer, Sums> years = rollups.get(node);
        if (years != null) {
            years.forEach((year, sums) -> {
                for (int id = 0; id < sums.width(); id++) {
                    if (sums.nonZero(id)) {
                        all.put(new RollupKey(node, year, cells.key(id)), sums.get(id));
                    }
                }
            });
        }
        return all;
    }

    /**
     * How many things differ from another model: rollup cells (node, year, cell) whose sums differ, jurisdictions,
     * agencies and report statuses (received, late, findings) that are not the same, and the position.
     */
    public long differences(MemoryModel other) {
        long d = seq == other.seq && generation == other.generation ? 0 : 1;
        Set<String> rollupNodes = new HashSet<>(rollups.keySet());
        rollupNodes.addAll(other.rollups.keySet());
        for (String node : rollupNodes) {
            Map<RollupKey, BigDecimal> mine = rollupOf(node);
            Map<RollupKey, BigDecimal> theirs = other.rollupOf(node);
            Set<RollupKey> keys = new HashSet<>(mine.keySet());
            keys.addAll(theirs.keySet());
            for (RollupKey k : keys) {
                if (mine.getOrDefault(k, BigDecimal.ZERO).compareTo(theirs.getOrDefault(k, BigDecimal.ZERO)) != 0) {
                    d++;
                }
            }
        }
        Set<String> codes = new HashSet<>(nodes.keySet());
        codes.addAll(other.nodes.keySet());
        for (String code : codes) {
            Node a = nodes.get(code);
            Node b = other.nodes.get(code);
            if (a == null
                    || b == null
                    || !Objects.equals(a.name, b.name)
                    || !Objects.equals(a.level, b.level)
                    || !Objects.equals(a.parent, b.parent)) {
                d++;
            }
        }
        codes = new HashSet<>(agencies.keySet());
        codes.addAll(other.agencies.keySet());
        for (String code : codes) {
            Agency a = agencies.get(code);
            Agency b = other.agencies.get(code);
            if (a == null
                    || b == null
                    || !a.row().equals(b.row())
                    || !Arrays.equals(a.years, b.years)
                    || !Objects.equals(a.late, b.late)
                    || !Objects.equals(a.findings, b.findings)) {
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
        Node node = nodes.computeIfAbsent(row.code(), Node::new);
        if (!Objects.equals(node.parent, row.parent()) || node.name == null) {
            registryVersion++;
        }
        node.name = row.name();
        node.level = row.level();
        node.parent = row.parent();
    }

    void put(AgencyRow row) {
        Agency agency = agencies.get(row.code());
        if (agency == null) {
            agency = new Agency(row.code());
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
        Agency agency = agencies.computeIfAbsent(status.agencyCode(), Agency::new);
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
        if (delta.signum() == 0) {
            return;
        }
        rollups.computeIfAbsent(node, k -> new HashMap<>())
                .computeIfAbsent(year, k -> new Sums())
                .add(cells.id(cell), delta);
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

    Iterable<Node> nodes() {
        return nodes.values();
    }

    List<Agency> agenciesIn(String node) {
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
