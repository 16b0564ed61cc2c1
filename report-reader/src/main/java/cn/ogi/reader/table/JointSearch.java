package cn.ogi.reader.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search of {@link JointSolver} over the combinations of readings its filter left, rows chosen one by one in the
 * order of their fewest readings: a branch is cut as soon as an equation can no longer hold — its sum so far plus a
 * sum the rows still to choose can reach (listed up to a limit, else their bounds) misses its target. The reachable
 * sums are those of the readings alive when the search was made: readings removed since only make them more than
 * reachable, never fewer, so no solution is cut.
 */
final class JointSearch {

    /** The most sums of an equation's rows still to choose that are listed; past it their bounds stand for them. */
    private static final int REACH_LIMIT = 20_000;

    private final long[] targets;
    /** contribution[e][row][reading] */
    private final long[][][] contributions;

    private final int rows;
    private final int[] order;
    /** For each row, its readings alive. */
    private final int[][] readings;

    private final int[] choice;
    private final long[] assigned;
    /** reach[e][depth]: the sums equation e's rows from {@code order[depth]} on can reach, sorted; null: too many. */
    private final long[][][] reach;
    /** lowest[e][depth], highest[e][depth]: the bounds of those sums. */
    private final long[][] lowest;

    private final long[][] highest;
    /** For each row, the equations naming it. */
    private final int[][] equationsOf;

    // per run
    private boolean enumerate;
    private int forcedRow;
    private int forcedReading;
    private int nodeBudget;
    private int nodes;
    private List<BitSet> used;
    private boolean found;
    private boolean complete;

    /** What one run found: whether a solution, whether it tried everything, and the nodes it visited. */
    record Run(boolean found, boolean complete, int nodes) {}

    JointSearch(
            List<BitSet> alive,
            List<Map<Integer, int[][]>> equationRows,
            List<Long> targets,
            long[][][] contributions) {
        this.targets = targets.stream().mapToLong(Long::longValue).toArray();
        this.contributions = contributions;
        this.rows = alive.size();
        int equations = equationRows.size();
        choice = new int[rows];
        assigned = new long[equations];
        readings = new int[rows][];
        Integer[] idx = new Integer[rows];
        for (int i = 0; i < rows; i++) {
            idx[i] = i;
            readings[i] = alive.get(i).stream().toArray();
        }
        Arrays.sort(idx, Comparator.comparingInt(i -> readings[i].length));
        order = Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
        reach = new long[equations][rows + 1][];
        lowest = new long[equations][rows + 1];
        highest = new long[equations][rows + 1];
        List<List<Integer>> naming = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            naming.add(new ArrayList<>());
        }
        for (int e = 0; e < equations; e++) {
            for (int row : equationRows.get(e).keySet()) {
                naming.get(row).add(e);
            }
            reachable(e, equationRows.get(e).keySet());
        }
        equationsOf = new int[rows][];
        for (int i = 0; i < rows; i++) {
            equationsOf[i] = naming.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The sums equation {@code e}'s rows can reach from each depth of the order on, and their bounds. */
    private void reachable(int e, Set<Integer> inEquation) {
        long[] sums = {0};
        reach[e][rows] = sums;
        for (int d = rows - 1; d >= 0; d--) {
            int row = order[d];
            lowest[e][d] = lowest[e][d + 1];
            highest[e][d] = highest[e][d + 1];
            if (!inEquation.contains(row)) {
                reach[e][d] = sums;
                continue;
            }
            long[] own = new long[readings[row].length];
            for (int j = 0; j < own.length; j++) {
                own[j] = contributions[e][row][readings[row][j]];
            }
            own = distinctSorted(own, own.length);
            lowest[e][d] += own[0];
            highest[e][d] += own[own.length - 1];
            if (sums != null && (long) sums.length * own.length <= 4L * REACH_LIMIT) {
                long[] next = new long[sums.length * own.length];
                int n = 0;
                for (long s : sums) {
                    for (long c : own) {
                        next[n++] = s + c;
                    }
                }
                next = distinctSorted(next, n);
                sums = next.length <= REACH_LIMIT ? next : null;
            } else {
                sums = null;
            }
            reach[e][d] = sums;
        }
    }

    private static long[] distinctSorted(long[] values, int n) {
        Arrays.sort(values, 0, n);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || values[i] != values[m - 1]) {
                values[m++] = values[i];
            }
        }
        return Arrays.copyOf(values, m);
    }

    /** Row {@code row} no longer has reading {@code j} (no solution uses it). */
    void remove(int row, int j) {
        readings[row] = Arrays.stream(readings[row]).filter(x -> x != j).toArray();
    }

    /**
     * Searches within {@code nodeBudget} nodes for every solution ({@code enumerate}) or the first, with row
     * {@code forcedRow} (−1: none) read as {@code forcedReading} only, adding the readings of each solution found
     * to {@code used}.
     */
    Run run(boolean enumerate, int forcedRow, int forcedReading, int nodeBudget, List<BitSet> used) {
        this.enumerate = enumerate;
        this.forcedRow = forcedRow;
        this.forcedReading = forcedReading;
        this.nodeBudget = nodeBudget;
        this.used = used;
        this.nodes = 0;
        this.found = false;
        this.complete = true;
        Arrays.fill(assigned, 0);
        dfs(0);
        return new Run(found, complete, nodes);
    }

    private void dfs(int depth) {
        if (++nodes > nodeBudget) {
            complete = false;
            return;
        }
        if (depth == rows) {
            found = true;
            for (int i = 0; i < rows; i++) {
                used.get(i).set(choice[i]);
            }
            return;
        }
        int row = order[depth];
        int[] options = row == forcedRow ? new int[] {forcedReading} : readings[row];
        for (int j : options) {
            if (++nodes > nodeBudget) {
                complete = false;
                return;
            }
            choice[row] = j;
            if (assign(row, j, depth + 1)) {
                dfs(depth + 1);
            }
            unassign(row, j);
            if (!complete || (found && !enumerate)) {
                return;
            }
        }
    }

    /** Chooses reading {@code j} of {@code row}; false if an equation can then no longer hold. */
    private boolean assign(int row, int j, int next) {
        boolean ok = true;
        for (int e : equationsOf[row]) {
            assigned[e] += contributions[e][row][j];
            long need = targets[e] - assigned[e];
            long[] sums = reach[e][next];
            ok &= sums == null
                    ? lowest[e][next] <= need && need <= highest[e][next]
                    : Arrays.binarySearch(sums, need) >= 0;
        }
        return ok;
    }

    private void unassign(int row, int j) {
        for (int e : equationsOf[row]) {
            assigned[e] -= contributions[e][row][j];
        }
    }
}
