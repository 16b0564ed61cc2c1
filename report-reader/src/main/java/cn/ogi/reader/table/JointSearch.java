package cn.ogi.reader.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search of {@link JointSolver} over the combinations of readings its filter left, with each equation's sum kept
 * as rows are chosen: a branch is cut as soon as an equation can no longer hold.
 */
final class JointSearch {
    private final boolean enumerate;
    private final int rows;
    private final List<BitSet> alive;
    private final List<Long> targets;
    /** contribution[e][row][reading] */
    private final long[][][] contributions;

    private final int nodeBudget;
    private final int[] order;
    private final int[] choice;
    private final long[] assigned;
    private final long[] remainingMin;
    private final long[] remainingMax;
    private final long[][] minOf;
    private final long[][] maxOf;
    private final List<List<Integer>> equationsOf = new ArrayList<>();
    /** For each row, the readings a solution found uses. */
    final List<Set<Integer>> used = new ArrayList<>();

    private int nodes;
    /** A solution was found. */
    boolean found;
    /** No budget cut the search short. */
    boolean complete = true;

    /** {@code enumerate}: find every solution (else stop at the first). */
    JointSearch(
            boolean enumerate,
            List<BitSet> alive,
            List<Map<Integer, int[][]>> equationRows,
            List<Long> targets,
            long[][][] contributions,
            int nodeBudget) {
        this.enumerate = enumerate;
        this.rows = alive.size();
        this.alive = alive;
        this.targets = targets;
        this.contributions = contributions;
        this.nodeBudget = nodeBudget;
        int equations = equationRows.size();
        choice = new int[rows];
        assigned = new long[equations];
        remainingMin = new long[equations];
        remainingMax = new long[equations];
        minOf = new long[equations][rows];
        maxOf = new long[equations][rows];
        Integer[] idx = new Integer[rows];
        for (int i = 0; i < rows; i++) {
            idx[i] = i;
            equationsOf.add(new ArrayList<>());
            used.add(new LinkedHashSet<>());
        }
        Arrays.sort(idx, Comparator.comparingInt(i -> alive.get(i).cardinality()));
        order = Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
        for (int e = 0; e < equationRows.size(); e++) {
            for (int row : equationRows.get(e).keySet()) {
                equationsOf.get(row).add(e);
                long lo = Long.MAX_VALUE;
                long hi = Long.MIN_VALUE;
                BitSet a = alive.get(row);
                for (int j = a.nextSetBit(0); j >= 0; j = a.nextSetBit(j + 1)) {
                    long c = contributions[e][row][j];
                    lo = Math.min(lo, c);
                    hi = Math.max(hi, c);
                }
                minOf[e][row] = lo;
                maxOf[e][row] = hi;
                remainingMin[e] += lo;
                remainingMax[e] += hi;
            }
        }
    }

    void dfs(int depth) {
        if (!complete || (found && !enumerate)) {
            return;
        }
        if (++nodes > nodeBudget) {
            complete = false;
            return;
        }
        if (depth == rows) {
            found = true;
            for (int i = 0; i < rows; i++) {
                used.get(i).add(choice[i]);
            }
            return;
        }
        int row = order[depth];
        BitSet a = alive.get(row);
        for (int j = a.nextSetBit(0); j >= 0; j = a.nextSetBit(j + 1)) {
            if (++nodes > nodeBudget) {
                complete = false;
                return;
            }
            choice[row] = j;
            if (assign(row, j)) {
                dfs(depth + 1);
            }
            unassign(row, j);
            if (!complete) {
                return;
            }
        }
    }

    private boolean assign(int row, int j) {
        boolean ok = true;
        for (int e : equationsOf.get(row)) {
            long c = contributions[e][row][j];
            assigned[e] += c;
            remainingMin[e] -= minOf[e][row];
            remainingMax[e] -= maxOf[e][row];
            long target = targets.get(e);
            if (target < assigned[e] + remainingMin[e] || target > assigned[e] + remainingMax[e]) {
                ok = false;
            }
        }
        return ok;
    }

    private void unassign(int row, int j) {
        for (int e : equationsOf.get(row)) {
            assigned[e] -= contributions[e][row][j];
            remainingMin[e] += minOf[e][row];
            remainingMax[e] += maxOf[e][row];
        }
    }
}
