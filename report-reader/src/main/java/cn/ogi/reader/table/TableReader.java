package cn.ogi.reader.table;

import cn.ogi.reader.ReadNote;
import cn.ogi.reader.Unknown;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the cells of a table's rows once each printed row has been matched with a row of the form: every row's
 * readings (see {@link RowReadings}), then one reading per row chosen jointly so that the table's equations hold
 * ({@link JointSolver}), and finally a cell is read only where every remaining reading agrees — otherwise it is
 * null with the candidates. Where no combination satisfies the rules (the publisher's own totals contradict), each
 * row keeps the readings its own sums allow, and a row printed plainly is read as printed.
 */
final class TableReader {

    private final CellBook book;
    private final RowWriter writer;
    private final boolean invisibleBlanks;
    /** Whether the layout's positions can say which column a number is in (not in a text that only has gaps). */
    private final boolean columnsPlaced;

    TableReader(CellBook book, boolean invisibleBlanks, boolean columnsPlaced) {
        this.book = book;
        this.writer = new RowWriter(book);
        this.invisibleBlanks = invisibleBlanks;
        this.columnsPlaced = columnsPlaced;
    }

    /**
     * Reads the rows of one table and writes their cells to the book.
     *
     * @param specs         the form's rows
     * @param matched       for each spec the printed row matched with it, or null
     * @param equations     the table's equations
     * @param table         the table's name for notes
     * @param unplaced      for specs left unmatched on purpose, why (their cells are unreadable, not missing)
     * @param headerColumns column centres from the table's header, per page
     */
    void read(
            List<RowSpec> specs,
            List<ObservedRow> matched,
            List<Equation> equations,
            String table,
            java.util.Map<Integer, String> unplaced,
            java.util.Map<Integer, double[]> headerColumns) {
        ColumnModel columns = columnsPlaced ? ColumnModel.of(specs, matched, headerColumns) : ColumnModel.NONE;
        // Where the source does not show empty cells, a blank may stand in any cell whose digits are run together
        // with the next: a reading without such blanks that happens to balance is no reason to rule out one with
        // them, so every reading of the digits competes under the table's rules. Positions are hints the rules must
        // confirm: where no reading with them satisfies the rules, the table is read without them as well.
        TableAttempt chosen;
        java.util.Map<String, List<RowReadings.Reading>> byPositions = java.util.Map.of();
        if (crossRow(equations, specs, matched) && invisibleBlanks) {
            chosen = attempt(specs, matched, equations, columns);
            if (!chosen.holdsEveryRule() && !columns.isEmpty()) {
                // the positions may have misled (also where they fix every row a rule binds and it breaks); if the
                // rules read the table without them breaking fewer, that reading stands — beside the readings the
                // positions allow if a printed number breaks the rules (the publisher's own totals contradicting is
                // as likely as a number printed off its column); else the positions are the best evidence there is
                ColumnModel none = ColumnModel.NONE;
                TableAttempt without = attempt(specs, matched, equations, none);
                if (without.breaksFewerRulesThan(chosen)) {
                    byPositions = chosen.solved() ? chosen.whereOneMisprintExplains() : positionedUnderMisprint(chosen);
                    chosen = without;
                    columns = none;
                }
            }
        } else {
            if (equations.isEmpty() && headerColumns.isEmpty() && columnsPlaced) {
                // no rule confirms positions learnt from the rows themselves (a number split in two by a
                // conversion makes a row look full): only rows spaced clearly apart in every column are trusted;
                // a header's, given only for measured positions, stands alone
                columns = ColumnModel.ofSpacedFullRows(specs, matched);
            }
            // rules inside one row only (Table 3's groups): they decide run-together digits where they leave one
            // reading (a one-line Table 3 is read by nothing else)
            chosen = attempt(specs, matched, equations, columns);
        }
        if (byPositions.isEmpty() && invisibleBlanks) {
            byPositions = chosen.byPositionsMisprinted();
        }
        java.util.Map<String, List<RowReadings.Reading>> shownInFull =
                invisibleBlanks ? chosen.everyCellShownMisprinted() : java.util.Map.of();
        final ColumnModel used = columns;
        boolean scrambled = impossibleAsPrinted(chosen, used) >= 2;
        Misprint.Outcome misprint = chosen.misprint();
        for (RowState st : chosen.states()) {
            write(st, chosen, misprint, byPositions, shownInFull, used, table, scrambled);
        }
        unmatched(specs, matched, unplaced, table);
    }

    /** The cells of the rows no printed row was matched with: not found, or unreadable with why. */
    private void unmatched(
            List<RowSpec> specs, List<ObservedRow> matched, java.util.Map<Integer, String> unplaced, String table) {
        for (int s = 0; s < specs.size(); s++) {
            if (matched.get(s) == null) {
                RowSpec spec = specs.get(s);
                String why = unplaced.get(s);
                for (CellSpec c : spec.cells()) {
                    if (why == null) {
                        book.unknown(c.key(), Unknown.NOT_FOUND, List.of(), "row not found in the " + table);
                    } else {
                        book.unknown(c.key(), Unknown.UNREADABLE, List.of(), why);
                    }
                }
                book.note(
                        why == null ? ReadNote.NOT_FOUND : ReadNote.UNREADABLE,
                        spec.cellKeys(),
                        table + " row " + spec.key() + (why == null ? " not found" : ": " + why));
            }
        }
    }

    /** Does some equation bind cells of two different printed rows? */
    private static boolean crossRow(List<Equation> equations, List<RowSpec> specs, List<ObservedRow> matched) {
        java.util.Map<String, Integer> rowOf = new java.util.HashMap<>();
        for (int s = 0; s < specs.size(); s++) {
            if (matched.get(s) != null) {
                for (String key : specs.get(s).cellKeys()) {
                    rowOf.put(key, s);
                }
            }
        }
        for (Equation e : equations) {
            java.util.Set<Integer> rows = new java.util.HashSet<>();
            for (String c : e.cells()) {
                Integer r = rowOf.get(c);
                if (r != null) {
                    rows.add(r);
                }
            }
            if (rows.size() > 1) {
                return true;
            }
        }
        return false;
    }

    private TableAttempt attempt(
            List<RowSpec> specs, List<ObservedRow> matched, List<Equation> equations, ColumnModel columns) {
        List<RowState> states = new ArrayList<>();
        for (int s = 0; s < specs.size(); s++) {
            RowSpec spec = specs.get(s);
            ObservedRow row = matched.get(s);
            if (row == null) {
                continue;
            }
            List<RowReadings.Sum> sums = new ArrayList<>();
            for (Equation e : equations) {
                RowReadings.Sum sum = e.asSum(spec.cellKeys());
                if (sum != null) {
                    sums.add(sum);
                }
            }
            int[][] ranges = columns.ranges(row.values(), spec.cells().size());
            RowReadings.Options options = new RowReadings.Options(invisibleBlanks, ranges);
            RowReadings.Result r = RowReadings.of(row.values(), spec.cells(), sums, options);
            states.add(new RowState(spec, row, r, ranges != null, sums, options));
        }
        List<RowState> joint = states.stream()
                .filter(st -> st.result().complete() && !st.result().readings().isEmpty())
                .toList();
        JointSolver.Outcome outcome = JointSolver.solve(
                joint.stream().map(st -> st.spec().cellKeys()).toList(),
                joint.stream()
                        .map(st -> st.result().readings().stream()
                                .map(RowReadings.Reading::values)
                                .toList())
                        .toList(),
                equations);
        return new TableAttempt(states, joint, outcome, equations);
    }

    /**
     * How many totals smaller than their own parts the rows that no reading balances give, read as printed: a
     * publisher's slip breaks a total; several such totals mean the numbers are not in the form's order (a text
     * listing a table column by column).
     */
    private int impossibleAsPrinted(TableAttempt attempt, ColumnModel columns) {
        int broken = 0;
        for (RowState st : attempt.states()) {
            boolean balanced = (attempt.joint().contains(st) && attempt.solved())
                    || (st.result().complete() && !st.result().readings().isEmpty());
            if (!balanced) {
                broken += fewestImpossible(unconstrained(st, columns), st.sums());
            }
        }
        return broken;
    }

    private List<RowReadings.Reading> unconstrained(RowState st, ColumnModel columns) {
        RowReadings.Result any = RowReadings.unconstrained(
                st.row().values(),
                st.spec().cells(),
                new RowReadings.Options(
                        invisibleBlanks,
                        columns.ranges(st.row().values(), st.spec().cells().size())));
        return any.complete() ? any.readings() : List.of();
    }

    private static int fewestImpossible(List<RowReadings.Reading> readings, List<RowReadings.Sum> sums) {
        return readings.stream()
                .mapToInt(r -> RowReadings.impossibleTotals(r, sums))
                .min()
                .orElse(0);
    }

    /**
     * For each row of a positioned attempt no reading of which satisfies the rules: the readings its positions
     * allow if one printed number breaks the rules (null: too many to list); empty when no single misprint explains
     * the table read by its positions.
     */
    private static java.util.Map<String, List<RowReadings.Reading>> positionedUnderMisprint(TableAttempt positioned) {
        Misprint.Outcome m = positioned.misprint();
        if (m == null) {
            return java.util.Map.of();
        }
        java.util.Map<String, List<RowReadings.Reading>> out = new java.util.HashMap<>();
        for (RowState st : positioned.states()) {
            int j = positioned.joint().indexOf(st);
            if (j >= 0) {
                out.put(st.spec().key(), m.readings().get(j));
            } else {
                RowReadings.Result any =
                        RowReadings.unconstrained(st.row().values(), st.spec().cells(), st.options());
                out.put(st.spec().key(), any.complete() && !any.readings().isEmpty() ? any.readings() : null);
            }
        }
        return out;
    }

    private void write(
            RowState st,
            TableAttempt attempt,
            Misprint.Outcome misprint,
            java.util.Map<String, List<RowReadings.Reading>> byPositions,
            java.util.Map<String, List<RowReadings.Reading>> shownInFull,
            ColumnModel columns,
            String table,
            boolean scrambled) {
        int j = attempt.joint().indexOf(st);
        List<RowReadings.Reading> readings;
        String how;
        boolean positionsDisagree = byPositions.containsKey(st.spec().key());
        List<RowReadings.Reading> positioned = byPositions.get(st.spec().key());
        if (j >= 0 && attempt.solved() && (!positionsDisagree || positioned != null)) {
            Set<Integer> used = attempt.outcome().readings().get(j);
            java.util.Map<String, RowReadings.Reading> union = new java.util.LinkedHashMap<>();
            used.forEach(i -> union.put(
                    java.util.Arrays.toString(st.result().readings().get(i).values()),
                    st.result().readings().get(i)));
            if (positioned != null) {
                positioned.forEach(r -> union.putIfAbsent(java.util.Arrays.toString(r.values()), r));
            }
            List<RowReadings.Reading> inFull =
                    shownInFull.getOrDefault(st.spec().key(), List.of());
            inFull.forEach(r -> union.putIfAbsent(java.util.Arrays.toString(r.values()), r));
            readings = List.copyOf(union.values());
            how = "the only reading" + (readings.size() == 1 ? "" : "s") + " that satisfy the table's rules"
                    + (positionsDisagree ? " (read without positions, or by them with one number misprinted)" : "")
                    + (inFull.isEmpty()
                            ? ""
                            : " (with empty cells the source does not show, or with every cell shown and one number"
                                    + " misprinted)");
        } else if (j >= 0 && misprint != null && misprint.readings().get(j) != null) {
            readings = misprint.readings().get(j);
            how = "the reading" + (readings.size() == 1 ? "" : "s")
                    + " the table's rules allow whichever one printed number breaks them (no reading satisfies"
                    + " them all)";
        } else if (st.result().complete() && st.result().straight()) {
            readings = st.result().readings();
            how = "as printed";
        } else {
            // the row's digits fit none of its sums, or the table breaks its rules in more than one place: no sum
            // can be trusted to choose among the readings of the digits
            readings = scrambled ? List.of() : unconstrained(st, columns);
            how = "every reading of the printed digits ("
                    + (j >= 0 ? "no single misprint explains the table's rules" : "none satisfies the row's sums")
                    + ")";
        }
        writer.write(st, readings, how, table);
    }
}
