package cn.ogi.reader.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses readings per row so that every equation of the table holds, over the whole table at once (not row by
 * row). First each equation removes the readings of a row that no choice of the other rows' readings can balance
 * (the sums the other rows can reach are built up row by row), until nothing more goes; then, where few
 * combinations are left, every combination is tried, cutting a branch as soon as an equation can no longer hold.
 * What remains for each row is the readings some solution uses: the caller reads a cell only where they agree.
 * Removing only readings that cannot be part of any solution keeps this sound whatever the budgets cut short.
 */
public final class JointSolver {

    private static final int NODE_BUDGET = 100_000;
    private static final long ENUMERATION_LIMIT = 100_000;
    private static final int SUM_SET_LIMIT = 20_000;
    /** The most search nodes spent looking for a solution with one given reading. */
    private static final int SUPPORT_NODES = 10_000;

    private static final long UNKNOWN = Long.MIN_VALUE;

    /**
     * The outcome.
     *
     * @param readings for each row, the indices of its readings some solution may use (empty when no combination
     *                 satisfies the equations)
     * @param solvable a combination satisfying every equation exists (false when none does, or none was found
     *                 within the budget)
     * @param exact    the sets are exactly the readings of the solutions (every combination was tried)
     * @param broken   the equations that bind rows of one reading each and do not hold as those rows read: no
     *                 choice of the search can mend them, so they are set aside and do not count against
     *                 {@code solvable} (a publisher's slip — or a number placed in a column the rules do not confirm)
     */
    public record Outcome(List<Set<Integer>> readings, boolean solvable, boolean exact, List<Equation> broken) {
        public Outcome {
            readings = List.copyOf(readings);
            broken = List.copyOf(broken);
        }
    }

    private int nodeBudget = NODE_BUDGET;
    private final int rows;
    private final long[][][] values; // [row][reading][cell]
    private final List<Map<Integer, int[][]>> equationRows = new ArrayList<>(); // per equation: row -> {cell, coef}
    private final List<Long> targets = new ArrayList<>();
    private final List<BitSet> alive = new ArrayList<>();
    private final List<Equation> broken = new ArrayList<>();
    /** contribution[e][row][reading], precomputed */
    private long[][][] contributions;

    private JointSolver(List<List<String>> rowKeys, List<List<BigDecimal[]>> readings, List<Equation> equations) {
        rows = readings.size();
        values = new long[rows][][];
        for (int i = 0; i < rows; i++) {
            List<BigDecimal[]> r = readings.get(i);
            values[i] = new long[r.size()][];
            for (int j = 0; j < r.size(); j++) {
                BigDecimal[] v = r.get(j);
                values[i][j] = new long[v.length];
                for (int c = 0; c < v.length; c++) {
                    values[i][j][c] = asLong(v[c]);
                }
            }
            BitSet all = new BitSet();
            all.set(0, r.size());
            alive.add(all);
        }
        Map<String, int[]> where = new HashMap<>();
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < rowKeys.get(i).size(); c++) {
                where.put(rowKeys.get(i).get(c), new int[] {i, c});
            }
        }
        for (Equation e : equations) {
            if (e.constant().stripTrailingZeros().scale() > 0) {
                continue;
            }
            Map<Integer, List<int[]>> byRow = new HashMap<>();
            boolean usable = true;
            for (int k = 0; k < e.cells().size() && usable; k++) {
                int[] at = where.get(e.cells().get(k));
                if (at == null) {
                    usable = false;
                    break;
                }
                for (long[] reading : values[at[0]]) {
                    usable &= reading[at[1]] != UNKNOWN;
                }
                byRow.computeIfAbsent(at[0], x -> new ArrayList<>()).add(new int[] {at[1], e.coefs()[k]});
            }
            boolean free = byRow.keySet().stream().anyMatch(r -> values[r].length > 1);
            if (usable && byRow.size() > 1) {
                Map<Integer, int[][]> terms = new HashMap<>();
                byRow.forEach((r, list) -> terms.put(r, list.toArray(new int[0][])));
                if (free) {
                    equationRows.add(terms);
                    targets.add(e.constant().longValueExact());
                } else if (fixedSum(terms) != e.constant().longValueExact()) {
                    broken.add(e);
                }
            }
        }
    }

    /**
     * Solves a table's rows under its equations.
     *
     * @param rowKeys   the cell keys of each row, in reading order
     * @param readings  each row's readings (a fixed row has one)
     * @param equations the table's equations (those naming cells outside the rows, or unknown cells, are unused)
     */
    public static Outcome solve(
            List<List<String>> rowKeys, List<List<BigDecimal[]>> readings, List<Equation> equations) {
        return solve(rowKeys, readings, equations, NODE_BUDGET);
    }

    /**
     * As {@link #solve(List, List, List)}, the search cut after {@code nodeBudget} nodes (what it cuts short stays
     * possible: fewer readings removed, never a solution missed as impossible).
     */
    public static Outcome solve(
            List<List<String>> rowKeys, List<List<BigDecimal[]>> readings, List<Equation> equations, int nodeBudget) {
        for (List<BigDecimal[]> r : readings) {
            if (r.isEmpty()) {
                return new Outcome(emptySets(readings.size()), false, true, List.of());
            }
        }
        JointSolver solver = new JointSolver(rowKeys, readings, equations);
        solver.nodeBudget = nodeBudget;
        return solver.run();
    }

    /** The equation's left side over rows of one reading each. */
    private long fixedSum(Map<Integer, int[][]> terms) {
        long sum = 0;
        for (var t : terms.entrySet()) {
            for (int[] cellCoef : t.getValue()) {
                sum += cellCoef[1] * values[t.getKey()][0][cellCoef[0]];
            }
        }
        return sum;
    }

    private static List<Set<Integer>> emptySets(int n) {
        List<Set<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Set.of());
        }
        return out;
    }

    private Outcome run() {
        contributions = new long[equationRows.size()][rows][];
        for (int e = 0; e < equationRows.size(); e++) {
            for (int row = 0; row < rows; row++) {
                long[] c = new long[values[row].length];
                int[][] terms = equationRows.get(e).get(row);
                for (int j = 0; terms != null && j < c.length; j++) {
                    long sum = 0;
                    for (int[] t : terms) {
                        sum += t[1] * values[row][j][t[0]];
                    }
                    c[j] = sum;
                }
                contributions[e][row] = c;
            }
        }
        if (!filter()) {
            return new Outcome(emptySets(rows), false, true, broken);
        }
        long combinations = 1;
        for (BitSet a : alive) {
            combinations = Math.min(Long.MAX_VALUE / 64, combinations * a.cardinality());
        }
        List<BitSet> used = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            used.add(new BitSet());
        }
        JointSearch search = new JointSearch(alive, equationRows, targets, contributions);
        JointSearch.Run first = search.run(combinations <= ENUMERATION_LIMIT, -1, -1, nodeBudget, used);
        if (first.complete() && (combinations <= ENUMERATION_LIMIT || !first.found())) {
            return new Outcome(sets(used), first.found(), true, broken);
        }
        if (!first.found()) {
            return new Outcome(sets(alive), false, false, broken); // no solution within the budget: none ruled out
        }
        boolean exact = supports(search, used);
        return new Outcome(sets(alive), true, exact, broken);
    }

    /**
     * Where the combinations are too many to try them all: each reading the solutions found so far do not use is
     * looked for in a solution of its own (its row read so, the others searched), within a budget shared by all of
     * them — found, the solution's readings are all used; proven impossible, the reading is removed; cut short, it
     * stays. True when every reading left is used by a solution found.
     */
    private boolean supports(JointSearch search, List<BitSet> used) {
        int budget = nodeBudget;
        boolean exact = true;
        for (int row = 0; row < rows; row++) {
            BitSet a = alive.get(row);
            for (int j = a.nextSetBit(0); j >= 0; j = a.nextSetBit(j + 1)) {
                if (used.get(row).get(j)) {
                    continue;
                }
                if (budget <= 0) {
                    exact = false;
                    continue;
                }
                JointSearch.Run one = search.run(false, row, j, Math.min(budget, SUPPORT_NODES), used);
                budget -= one.nodes();
                if (one.complete() && !one.found()) {
                    a.clear(j); // no combination of the other rows balances with it
                    search.remove(row, j);
                } else if (!one.found()) {
                    exact = false;
                }
            }
        }
        return exact;
    }

    private static List<Set<Integer>> sets(List<BitSet> bits) {
        List<Set<Integer>> sets = new ArrayList<>();
        for (BitSet b : bits) {
            Set<Integer> s = new LinkedHashSet<>();
            b.stream().forEach(s::add);
            sets.add(s);
        }
        return sets;
    }

    /** Removes readings no combination of the other rows can balance, equation by equation; false if a row empties. */
    private boolean filter() {
        boolean changed = true;
        for (int round = 0; changed && round < 12; round++) {
            changed = false;
            for (int e = 0; e < equationRows.size(); e++) {
                Map<Integer, int[][]> terms = equationRows.get(e);
                List<Integer> order = new ArrayList<>(terms.keySet());
                order.sort(null);
                int m = order.size();
                List<Set<Long>> prefix = new ArrayList<>();
                prefix.add(Set.of(0L));
                boolean wide = false;
                for (int i = 0; i < m && !wide; i++) {
                    Set<Long> next = combine(prefix.get(i), contributions(e, order.get(i)));
                    if (next == null) {
                        wide = true;
                    } else {
                        prefix.add(next);
                    }
                }
                if (wide) {
                    continue; // too many sums to follow: this equation prunes in the search instead
                }
                if (!prefix.get(m).contains(targets.get(e))) {
                    return false;
                }
                Set<Long> suffix = Set.of(0L);
                for (int i = m - 1; i >= 0; i--) {
                    int row = order.get(i);
                    BitSet a = alive.get(row);
                    for (int j = a.nextSetBit(0); j >= 0; j = a.nextSetBit(j + 1)) {
                        long need = targets.get(e) - contribution(e, row, j);
                        boolean possible = false;
                        for (long p : prefix.get(i)) {
                            if (suffix.contains(need - p)) {
                                possible = true;
                                break;
                            }
                        }
                        if (!possible) {
                            a.clear(j);
                            changed = true;
                        }
                    }
                    if (a.isEmpty()) {
                        return false;
                    }
                    suffix = combine(suffix, contributions(e, row));
                    if (suffix == null) {
                        break;
                    }
                }
            }
        }
        return true;
    }

    private Set<Long> contributions(int e, int row) {
        Set<Long> out = new HashSet<>();
        BitSet a = alive.get(row);
        for (int j = a.nextSetBit(0); j >= 0; j = a.nextSetBit(j + 1)) {
            out.add(contribution(e, row, j));
        }
        return out;
    }

    private static Set<Long> combine(Set<Long> a, Set<Long> b) {
        if ((long) a.size() * b.size() > 4L * SUM_SET_LIMIT) {
            return null;
        }
        Set<Long> out = new HashSet<>();
        for (long x : a) {
            for (long y : b) {
                out.add(x + y);
                if (out.size() > SUM_SET_LIMIT) {
                    return null;
                }
            }
        }
        return out;
    }

    private long contribution(int e, int row, int reading) {
        return contributions[e][row][reading];
    }

    private static long asLong(BigDecimal v) {
        if (v == null || v.stripTrailingZeros().scale() > 0) {
            return UNKNOWN;
        }
        try {
            long l = v.longValueExact();
            return Math.abs(l) < (1L << 50) ? l : UNKNOWN;
        } catch (ArithmeticException e) {
            return UNKNOWN;
        }
    }
}
