package cn.ogi.reader.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where no reading of a table satisfies all its rules, the publisher printed a number that breaks them (a total
 * off by a few, a 0 beside pending cases). Which one is not known, so no rule may be trusted to decide a reading on
 * its own: each cell in turn is supposed to be the misprinted one — the rules naming it are set aside and its row
 * is read without the sums naming it — and every reading that satisfies the other rules under some such supposition
 * remains. A cell is then read only where all of them agree; the rest is null with the candidates. When no single
 * misprint explains the table (several numbers break its rules), there is no supposition to read by.
 */
final class Misprint {

    /** Joint solves tried at most (each cell of the table once); past it every reading of the digits remains. */
    private static final int HYPOTHESIS_BUDGET = 400;

    /**
     * The most cells of a table read under suppositions (Table 1 and Table 3 have up to 40): each supposition is a
     * joint solve, and Table 2's 175 would cost seconds for next to nothing — where its rules break, the cells the
     * printed digits alone do not tell stay unknown.
     */
    private static final int MAX_CELLS = 60;

    /** The search nodes of one supposition's joint solve (a supposition it cannot settle explains nothing). */
    private static final int HYPOTHESIS_NODES = 5_000;

    /**
     * One row of the table.
     *
     * @param keys     its cell keys
     * @param readings its readings under its own sums
     * @param sums     its own sums
     * @param free     its readings without any sum (computed once, when needed)
     */
    record Row(
            List<String> keys,
            List<RowReadings.Reading> readings,
            List<RowReadings.Sum> sums,
            Supplier<RowReadings.Result> free) {}

    /**
     * The outcome: for each row the readings some single misprint allows, or null for a row whose readings
     * cannot all be listed (it may then be read any way its digits allow).
     */
    record Outcome(List<List<RowReadings.Reading>> readings) {}

    private Misprint() {}

    /**
     * The readings a single misprint allows, or null when none explains the table, the budget ran out or the table
     * has more than {@link #MAX_CELLS} cells.
     */
    static Outcome readings(List<Row> rows, List<Equation> equations) {
        if (rows.stream().mapToInt(r -> r.keys().size()).sum() > MAX_CELLS) {
            return null;
        }
        int n = rows.size();
        List<Map<String, RowReadings.Reading>> union = new ArrayList<>();
        boolean[] unbounded = new boolean[n];
        for (int i = 0; i < n; i++) {
            union.add(new LinkedHashMap<>());
        }
        Map<Integer, List<RowReadings.Reading>> freeReadings = new java.util.HashMap<>();
        boolean explained = false;
        int tried = 0;
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            for (int c = 0; c < row.keys().size(); c++) {
                String key = row.keys().get(c);
                List<Equation> others =
                        equations.stream().filter(e -> !e.cells().contains(key)).toList();
                boolean named = others.size() < equations.size() || namedBySum(row, c);
                if (!named) {
                    continue; // no rule names the cell: its misprint would not break any
                }
                if (++tried > HYPOTHESIS_BUDGET) {
                    return null;
                }
                List<RowReadings.Reading> own = freeReadings.computeIfAbsent(i, x -> free(row));
                if (own == null) {
                    // the row read without its sums has too many readings to list: it may be read any way, and
                    // the other rows are bound only by the rules that do not name it
                    unbounded[i] = true;
                    explained |= solveWithout(rows, i, equations, union);
                    continue;
                }
                int cell = c;
                List<RowReadings.Reading> candidates = own.stream()
                        .filter(r ->
                                row.sums().stream().filter(s -> !s.names(cell)).allMatch(s -> s.holds(r.values())))
                        .toList();
                explained |= solve(rows, i, candidates, others, union);
            }
        }
        if (!explained) {
            return null;
        }
        List<List<RowReadings.Reading>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(unbounded[i] ? null : List.copyOf(union.get(i).values()));
        }
        return new Outcome(out);
    }

    /**
     * The readings of every row if row {@code i} is as {@code candidates} say with one of its numbers misprinted:
     * for each of its cells, the rules naming it set aside; null when no cell's misprint explains the table.
     */
    static Outcome withRowAs(List<Row> rows, int i, List<RowReadings.Reading> candidates, List<Equation> equations) {
        List<Map<String, RowReadings.Reading>> union = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            union.add(new LinkedHashMap<>());
        }
        Row row = rows.get(i);
        boolean explained = false;
        for (int c = 0; c < row.keys().size(); c++) {
            String key = row.keys().get(c);
            int cell = c;
            List<Equation> others =
                    equations.stream().filter(e -> !e.cells().contains(key)).toList();
            List<RowReadings.Reading> allowed = candidates.stream()
                    .filter(r -> row.sums().stream().filter(s -> !s.names(cell)).allMatch(s -> s.holds(r.values())))
                    .toList();
            explained |= solve(rows, i, allowed, others, union);
        }
        if (!explained) {
            return null;
        }
        List<List<RowReadings.Reading>> out = new ArrayList<>();
        union.forEach(u -> out.add(List.copyOf(u.values())));
        return new Outcome(out);
    }

    private static boolean namedBySum(Row row, int cell) {
        return row.sums().stream().anyMatch(s -> s.names(cell));
    }

    private static List<RowReadings.Reading> free(Row row) {
        RowReadings.Result r = row.free().get();
        return r.complete() && !r.readings().isEmpty() ? r.readings() : null;
    }

    /** Solves with row {@code i} read as {@code candidates} under {@code equations}; adds what a solution uses. */
    private static boolean solve(
            List<Row> rows,
            int i,
            List<RowReadings.Reading> candidates,
            List<Equation> equations,
            List<Map<String, RowReadings.Reading>> union) {
        if (i >= 0 && candidates.isEmpty()) {
            return false;
        }
        List<List<String>> keys = new ArrayList<>();
        List<List<BigDecimal[]>> values = new ArrayList<>();
        List<List<RowReadings.Reading>> readings = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<RowReadings.Reading> rr = r == i ? candidates : rows.get(r).readings();
            keys.add(rows.get(r).keys());
            readings.add(rr);
            values.add(rr.stream().map(RowReadings.Reading::values).toList());
        }
        JointSolver.Outcome o = JointSolver.solve(keys, values, equations, HYPOTHESIS_NODES);
        if (!o.solvable() && o.exact()) {
            return false; // no combination satisfies the other rules: the supposition is wrong
        }
        // a solution, or a search cut short by its budget: every reading it could not rule out remains
        for (int r = 0; r < rows.size(); r++) {
            for (int j : o.readings().get(r)) {
                RowReadings.Reading reading = readings.get(r).get(j);
                union.get(r).putIfAbsent(Arrays.toString(reading.values()), reading);
            }
        }
        return true;
    }

    /** Solves the rows but {@code i} under the rules that name none of its cells. */
    private static boolean solveWithout(
            List<Row> rows, int i, List<Equation> equations, List<Map<String, RowReadings.Reading>> union) {
        Set<String> itsCells = Set.copyOf(rows.get(i).keys());
        List<Equation> others = equations.stream()
                .filter(e -> e.cells().stream().noneMatch(itsCells::contains))
                .toList();
        List<Row> rest = new ArrayList<>(rows);
        rest.remove(i);
        List<Map<String, RowReadings.Reading>> part = new ArrayList<>(union);
        part.remove(i);
        return solve(rest, -1, List.of(), others, part);
    }
}
