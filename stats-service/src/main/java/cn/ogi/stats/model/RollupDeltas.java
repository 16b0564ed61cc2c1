package cn.ogi.stats.model;

import cn.ogi.stats.memory.MemoryModel;
import cn.ogi.stats.memory.ModelRows.RollupKey;
import cn.ogi.stats.model.CompletenessCells.YearCell;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a page adds to the rollups: each difference added to a node and every ancestor (its chain), summed per
 * (node, year, cell) so that it is written once per page, not per event.
 */
final class RollupDeltas {

    private final MemoryModel base;
    private final Map<RollupKey, BigDecimal> deltas = new HashMap<>();

    RollupDeltas(MemoryModel base) {
        this.base = base;
    }

    /** The sums per (node, year, cell), to be written and applied to the model. */
    Map<RollupKey, BigDecimal> sums() {
        return deltas;
    }

    void addDifference(List<String> chain, int year, Map<String, BigDecimal> before, Map<String, BigDecimal> after) {
        Contribution.difference(before, after).forEach((cell, d) -> add(chain, year, cell, d));
    }

    void addAll(List<String> chain, Map<YearCell, BigDecimal> cells, int sign) {
        cells.forEach((yc, v) -> add(chain, yc.year(), yc.cell(), sign < 0 ? v.negate() : v));
    }

    void add(List<String> chain, int year, String cell, BigDecimal delta) {
        if (delta.signum() == 0) {
            return;
        }
        for (String node : chain) {
            deltas.merge(new RollupKey(node, year, cell), delta, BigDecimal::add);
        }
    }

    /** The node's rollup as it stands now: the model's plus what this page added to it so far. */
    Map<RollupKey, BigDecimal> rollupOf(String code) {
        Map<RollupKey, BigDecimal> rollup = new HashMap<>(base.rollupOf(code));
        deltas.forEach((k, v) -> {
            if (k.node().equals(code)) {
                rollup.merge(k, v, BigDecimal::add);
            }
        });
        rollup.values().removeIf(v -> v.signum() == 0);
        return rollup;
    }
}
