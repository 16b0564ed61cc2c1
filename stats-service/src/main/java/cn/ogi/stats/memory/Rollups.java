package cn.ogi.stats.memory;

import cn.ogi.stats.memory.ModelRows.RollupKey;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every rollup of the model in memory: per node and year the exact sums of the cells of its subtree
 * ({@link Sums}, indexed by the model's {@link CellIndex}). {@link MemoryModel} answers from it and changes it.
 */
final class Rollups {

    private final CellIndex cells;
    private final Map<String, Map<Integer, Sums>> byNode = new HashMap<>();

    Rollups(CellIndex cells) {
        this.cells = cells;
    }

    /** The sum of a cell over the node's subtree and the years from–to (0 when nothing was reported). */
    BigDecimal sum(String node, int from, int to, String cell) {
        int id = cells.find(cell);
        Map<Integer, Sums> years = byNode.get(node);
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
    BigDecimal[] sums(String node, int from, int to, String[] cellKeys) {
        BigDecimal[] sums = new BigDecimal[cellKeys.length];
        Arrays.fill(sums, BigDecimal.ZERO);
        Map<Integer, Sums> years = byNode.get(node);
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
    Set<String> cellsWithPrefix(String node, int from, int to, String prefix) {
        Set<String> found = new TreeSet<>();
        Map<Integer, Sums> years = byNode.get(node);
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
    Set<String> knownCells(String prefix) {
        return cells.withPrefix(prefix);
    }

    /** The whole rollup of a node (every year and cell it holds); for moving a node. */
    Map<RollupKey, BigDecimal> rollupOf(String node) {
        Map<RollupKey, BigDecimal> all = new HashMap<>();
        Map<Integer, Sums> years = byNode.get(node);
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

    void add(String node, int year, String cell, BigDecimal delta) {
        if (delta.signum() == 0) {
            return;
        }
        byNode.computeIfAbsent(node, k -> new HashMap<>())
                .computeIfAbsent(year, k -> new Sums())
                .add(cells.id(cell), delta);
    }

    /** How many rollup cells (node, year, cell) hold a different sum in the other rollups. */
    long differences(Rollups other) {
        long d = 0;
        Set<String> nodes = new HashSet<>(byNode.keySet());
        nodes.addAll(other.byNode.keySet());
        for (String node : nodes) {
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
        return d;
    }
}
