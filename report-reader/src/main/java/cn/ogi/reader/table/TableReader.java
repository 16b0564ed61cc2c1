package cn.ogi.reader.table;

import cn.ogi.reader.Provenance;
import cn.ogi.reader.ReadNote;
import cn.ogi.reader.Unknown;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the cells of a table's rows once each printed row has been matched with a row of the form: every row's
 * readings (see {@link RowReadings}), then one reading per row chosen jointly so that the table's equations hold
 * ({@link JointSolver}), and finally a cell is read only where every remaining reading agrees — otherwise it is
 * null with the candidates. Where no combination satisfies the rules (the publisher's own totals contradict), each
 * row keeps the readings its own sums allow, and a row printed plainly is read as printed.
 */
final class TableReader {

    private static final int LISTED_CANDIDATES = 8;

    private final CellBook book;
    private final boolean invisibleBlanks;

    TableReader(CellBook book, boolean invisibleBlanks) {
        this.book = book;
        this.invisibleBlanks = invisibleBlanks;
    }

    /** What one matched row gave. */
    private record RowState(
            RowSpec spec, ObservedRow row, RowReadings.Result result, boolean positioned, List<RowReadings.Sum> sums) {}

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
        ColumnModel columns = ColumnModel.of(specs, matched, headerColumns);
        // Where the table's rules can check a reading, every digit printed is first taken to be a cell's, and blank
        // cells nobody can see are placed only where a row cannot be read otherwise; if no reading of the whole
        // table then satisfies its rules, blanks may stand anywhere. Without rules to check (Table 1), blanks may
        // always stand anywhere: a reading is then taken only where all of them agree.
        // Positions are hints the rules must confirm: where they do not, the table is read without them.
        Attempt chosen;
        // (Rules binding several rows at once make a reading that merely happens to balance unlikely; a rule inside
        // one row, as in Table 3, is too weak to prefer readings without invisible blanks.)
        if (crossRow(equations, specs, matched) && invisibleBlanks) {
            chosen = attempt(specs, matched, equations, columns, false);
            if (!chosen.solved() && chosen.anyMultiDigit()) {
                chosen = attempt(specs, matched, equations, columns, true);
            }
            if (!chosen.solved() && !columns.isEmpty()) {
                // the positions may have misled; if the rules read the table without them, that reading stands,
                // else (the publisher's own totals contradict) the positions are the best evidence there is
                ColumnModel none = ColumnModel.of(List.of(), List.of());
                Attempt without = attempt(specs, matched, equations, none, true);
                if (without.solved()) {
                    chosen = without;
                    columns = none;
                }
            }
        } else {
            if (equations.isEmpty()) {
                columns = ColumnModel.of(List.of(), List.of()); // nothing could confirm positions
            }
            chosen = attempt(specs, matched, equations, columns, true);
        }
        final ColumnModel used = columns;
        boolean scrambled = impossibleAsPrinted(chosen, used) >= 2;
        for (RowState st : chosen.states()) {
            write(st, chosen, used, table, scrambled);
        }
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

    /** The rows' readings and the joint outcome, with or without invisible blanks everywhere. */
    private record Attempt(List<RowState> states, List<RowState> joint, JointSolver.Outcome outcome) {
        boolean solved() {
            return outcome.solvable();
        }

        boolean anyMultiDigit() {
            return states.stream()
                    .anyMatch(st -> !st.result().straight()
                            && st.row().values().stream().anyMatch(t -> t.text().length() > 1));
        }
    }

    private Attempt attempt(
            List<RowSpec> specs,
            List<ObservedRow> matched,
            List<Equation> equations,
            ColumnModel columns,
            boolean everywhere) {
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
            boolean invisible = invisibleBlanks && (everywhere || ranges != null);
            RowReadings.Result r =
                    RowReadings.of(row.values(), spec.cells(), sums, new RowReadings.Options(invisible, ranges));
            if (invisibleBlanks && !invisible && r.complete() && r.readings().isEmpty()) {
                // the digits cannot fill the row: some of its cells are blank without showing
                r = RowReadings.of(row.values(), spec.cells(), sums, new RowReadings.Options(true, ranges));
            }
            states.add(new RowState(spec, row, r, ranges != null, sums));
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
        return new Attempt(states, joint, outcome);
    }

    /**
     * How many totals smaller than their own parts the rows that no reading balances give, read as printed: a
     * publisher's slip breaks a total; several such totals mean the numbers are not in the form's order (a text
     * listing a table column by column).
     */
    private int impossibleAsPrinted(Attempt attempt, ColumnModel columns) {
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

    private void write(RowState st, Attempt attempt, ColumnModel columns, String table, boolean scrambled) {
        int j = attempt.joint().indexOf(st);
        List<RowReadings.Reading> readings;
        String how;
        if (j >= 0 && attempt.solved()) {
            Set<Integer> used = attempt.outcome().readings().get(j);
            readings = used.stream().map(i -> st.result().readings().get(i)).toList();
            how = "the only reading" + (readings.size() == 1 ? "" : "s") + " that satisfy the table's rules";
        } else if (st.result().complete() && !st.result().readings().isEmpty()) {
            readings = st.result().readings();
            how = st.result().straight()
                    ? "as printed"
                    : "the reading" + (readings.size() == 1 ? "" : "s") + " the row's own sums allow"
                            + (j >= 0 ? " (no reading of the whole table satisfies its rules)" : "");
        } else {
            readings = scrambled ? List.of() : unconstrained(st, columns);
            how = "every reading of the printed digits (none satisfies the row's sums)";
        }
        write(st, readings, how, table);
    }

    private void write(RowState st, List<RowReadings.Reading> readings, String how, String table) {
        List<CellSpec> cells = st.spec().cells();
        List<String> keys = st.spec().cellKeys();
        if (readings.isEmpty()) {
            for (String key : keys) {
                book.unknown(
                        key,
                        Unknown.UNREADABLE,
                        List.of(),
                        "the printed numbers " + st.row().values() + " cannot be read as this row's " + cells.size()
                                + " cells");
            }
            book.note(
                    ReadNote.UNREADABLE,
                    keys,
                    table + " row " + st.spec().key() + ": the printed numbers "
                            + st.row().values() + " cannot be read as its " + cells.size() + " cells");
            return;
        }
        boolean straight = st.result().straight() && readings.size() == 1;
        List<String> split = new ArrayList<>();
        List<String> blank = new ArrayList<>();
        List<String> ambiguous = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            Set<BigDecimal> values = new LinkedHashSet<>();
            boolean merged = false;
            boolean missing = false;
            byte kind = readings.get(0).kinds()[c];
            boolean sameKind = true;
            for (RowReadings.Reading r : readings) {
                BigDecimal v = r.values()[c];
                if (v == null && r.kinds()[c] == RowReadings.MISSING) {
                    missing = true;
                } else if (v == null) {
                    merged = true;
                } else {
                    values.add(v.stripTrailingZeros());
                }
                sameKind &= r.kinds()[c] == kind;
            }
            String key = keys.get(c);
            if (merged) {
                book.unknown(key, Unknown.UNREADABLE, List.of(), "the number printed spans several rows (merged cell)");
                continue;
            }
            if (missing) {
                book.unknown(
                        key,
                        Unknown.UNREADABLE,
                        List.of(),
                        "the row prints fewer cells than the form has; " + "this one may be the cell not printed");
                continue;
            }
            if (values.size() == 1) {
                BigDecimal v = readings.get(0).values()[c];
                Provenance p = provenance(kind, sameKind, straight, st.positioned() && readings.size() == 1);
                // a blank cell is null in the report (printed blank), as printed; the rules count it as the 0 it means
                book.read(
                        key,
                        p == Provenance.BLANK_AS_PRINTED ? null : v,
                        p,
                        p == Provenance.SPLIT_BY_CONSTRAINT ? how : null);
                if (p == Provenance.SPLIT_BY_CONSTRAINT) {
                    split.add(key);
                } else if (p == Provenance.BLANK_AS_PRINTED) {
                    blank.add(key);
                }
            } else {
                List<BigDecimal> candidates = new ArrayList<>(values);
                candidates.sort(null);
                book.unknown(
                        key,
                        Unknown.AMBIGUOUS,
                        candidates.size() <= LISTED_CANDIDATES ? candidates : candidates.subList(0, LISTED_CANDIDATES),
                        candidates.size() + " readings satisfy "
                                + (how.startsWith("as printed") ? "the row" : "every rule"));
                ambiguous.add(key);
            }
        }
        if (!blank.isEmpty()) {
            book.note(
                    ReadNote.BLANK_CELL,
                    blank,
                    "blank cells in a printed row (null: printed blank; the rules count them as 0)");
        }
        noteUnits(st, keys, readings);
        if (!split.isEmpty()) {
            book.note(
                    ReadNote.SPLIT_BY_CONSTRAINT,
                    split,
                    table + " row " + st.spec().key() + " printed as "
                            + st.row().values() + ": read as "
                            + (readings.size() == 1
                                    ? Arrays.toString(readings.get(0).values())
                                    : "the cells all its readings share")
                            + ", " + how);
        }
        if (!ambiguous.isEmpty()) {
            book.note(
                    ReadNote.AMBIGUOUS,
                    ambiguous,
                    table + " row " + st.spec().key() + " printed as "
                            + st.row().values() + ": " + readings.size() + " readings remain ("
                            + readings.stream()
                                    .limit(4)
                                    .map(RowReadings.Reading::toString)
                                    .collect(Collectors.joining(", "))
                            + (readings.size() > 4 ? ", …" : "") + "); the cells they disagree on are left null");
        }
    }

    /** Amounts printed in another unit than the cell's, or approximately, are noted. */
    private void noteUnits(RowState st, List<String> keys, List<RowReadings.Reading> readings) {
        if (readings.size() != 1) {
            return;
        }
        for (Token t : st.row().values()) {
            if (t.type() != Token.Type.NUMBER) {
                continue;
            }
            int cell = -1;
            for (int c = 0; c < keys.size(); c++) {
                String unit = st.spec().cells().get(c).unit();
                if (unit != null && t.unit() != null && !t.unit().equals(unit)) {
                    cell = c;
                }
            }
            if (cell >= 0 && t.unit() != null) {
                book.note(
                        ReadNote.UNIT_CONVERTED,
                        List.of(keys.get(cell)),
                        "printed as " + t + ", converted to "
                                + st.spec().cells().get(cell).unit() + ": "
                                + readings.get(0).values()[cell].toPlainString());
            }
            if (t.approximate()) {
                book.note(ReadNote.APPROXIMATE_AMOUNT, keys, "printed approximately (" + t + "); recorded as stated");
            }
        }
    }

    private static Provenance provenance(byte kind, boolean sameKind, boolean straight, boolean placedByPosition) {
        if (!sameKind) {
            return Provenance.SPLIT_BY_CONSTRAINT;
        }
        if (kind == RowReadings.BLANK) {
            return Provenance.BLANK_AS_PRINTED;
        }
        if (kind == RowReadings.INVISIBLE_BLANK) {
            return Provenance.BLANK_AS_PRINTED; // a blank cell, wherever it was told to be
        }
        if (kind == RowReadings.PRINTED) {
            // the number is printed whole; its column is told by the row itself or by its position, else inferred
            return straight || placedByPosition ? Provenance.PRINTED : Provenance.SPLIT_BY_CONSTRAINT;
        }
        return Provenance.SPLIT_BY_CONSTRAINT;
    }
}
