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
    /** Whether the layout's positions can say which column a number is in (not in a text that only has gaps). */
    private final boolean columnsPlaced;

    TableReader(CellBook book, boolean invisibleBlanks, boolean columnsPlaced) {
        this.book = book;
        this.invisibleBlanks = invisibleBlanks;
        this.columnsPlaced = columnsPlaced;
    }

    /** What one matched row gave. */
    private record RowState(
            RowSpec spec,
            ObservedRow row,
            RowReadings.Result result,
            boolean positioned,
            List<RowReadings.Sum> sums,
            RowReadings.Options options) {}

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
        Attempt chosen;
        java.util.Map<String, List<RowReadings.Reading>> byPositions = java.util.Map.of();
        if (crossRow(equations, specs, matched) && invisibleBlanks) {
            chosen = attempt(specs, matched, equations, columns);
            if (!chosen.solved() && !columns.isEmpty()) {
                // the positions may have misled; if the rules read the table without them, that reading stands —
                // beside the readings the positions allow if a printed number breaks the rules (the publisher's
                // own totals contradicting is as likely as a number printed off its column); else the positions
                // are the best evidence there is
                ColumnModel none = ColumnModel.NONE;
                Attempt without = attempt(specs, matched, equations, none);
                if (without.solved()) {
                    byPositions = positionedUnderMisprint(chosen);
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

    /** The rows' readings and the joint outcome. */
    private record Attempt(
            List<RowState> states, List<RowState> joint, JointSolver.Outcome outcome, List<Equation> equations) {
        boolean solved() {
            return outcome.solvable();
        }

        /** Where no reading satisfies every rule: the readings a single misprinted number allows, or null. */
        Misprint.Outcome misprint() {
            if (solved() || joint.isEmpty()) {
                return null;
            }
            return Misprint.readings(rows(), equations);
        }

        List<Misprint.Row> rows() {
            return joint.stream()
                    .map(st -> new Misprint.Row(
                            st.spec().cellKeys(),
                            st.result().readings(),
                            st.sums(),
                            () -> RowReadings.unconstrained(
                                    st.row().values(), st.spec().cells(), st.options())))
                    .toList();
        }

        /**
         * Where the rules are satisfied only by readings that place empty cells the source does not show, while the
         * printed digits also fill every cell with none missing and one printed number would break the rules: the
         * publisher's own total contradicting its parts is as likely an explanation as unshown blanks, so the
         * readings of that supposition compete, by spec key (empty when none applies).
         */
        java.util.Map<String, List<RowReadings.Reading>> everyCellShownMisprinted() {
            return misprintedWith(this::shownInFull);
        }

        /** Row {@code j}'s readings with every cell shown, if the solution reads it only with unshown blanks. */
        private List<RowReadings.Reading> shownInFull(int j) {
            RowState st = joint.get(j);
            if (!fewFullReadings(st.row().values(), st.spec().cells().size())) {
                return List.of();
            }
            RowReadings.Result shown = RowReadings.unconstrained(
                    st.row().values(),
                    st.spec().cells(),
                    new RowReadings.Options(false, st.options().columns()));
            List<RowReadings.Reading> full = shown.readings();
            if (!shown.complete() || full.size() > SHOWN_IN_FULL_READINGS) {
                return List.of();
            }
            Set<String> fullValues = new java.util.HashSet<>();
            full.forEach(r -> fullValues.add(java.util.Arrays.toString(r.values())));
            boolean usesOnlyUnshown = outcome.readings().get(j).stream()
                    .noneMatch(i -> fullValues.contains(java.util.Arrays.toString(
                            st.result().readings().get(i).values())));
            return usesOnlyUnshown ? full : List.of(); // else the solution reads the row with every cell shown
        }

        /**
         * Rows whose positions break their own sums were read without them; read by their positions, with one
         * number misprinted, the table may have other readings: those, by spec key.
         */
        java.util.Map<String, List<RowReadings.Reading>> byPositionsMisprinted() {
            return misprintedWith(j -> joint.get(j).result().byPositions());
        }

        /**
         * For each row {@code j} of a solved table with candidates (none: skipped), the readings of every row if row
         * {@code j} is as its candidates say with one of its numbers misprinted; their union by spec key.
         */
        private java.util.Map<String, List<RowReadings.Reading>> misprintedWith(
                java.util.function.IntFunction<List<RowReadings.Reading>> candidatesOf) {
            java.util.Map<String, java.util.Map<String, RowReadings.Reading>> union = new java.util.HashMap<>();
            List<Misprint.Row> rows = null;
            for (int j = 0; j < joint.size() && solved(); j++) {
                List<RowReadings.Reading> candidates = candidatesOf.apply(j);
                if (candidates.isEmpty()) {
                    continue;
                }
                rows = rows == null ? rows() : rows;
                Misprint.Outcome m = Misprint.withRowAs(rows, j, candidates, equations);
                for (int r = 0; m != null && r < joint.size(); r++) {
                    java.util.Map<String, RowReadings.Reading> u =
                            union.computeIfAbsent(joint.get(r).spec().key(), k -> new java.util.LinkedHashMap<>());
                    m.readings().get(r).forEach(x -> u.putIfAbsent(java.util.Arrays.toString(x.values()), x));
                }
            }
            java.util.Map<String, List<RowReadings.Reading>> out = new java.util.HashMap<>();
            union.forEach((k, v) -> out.put(k, List.copyOf(v.values())));
            return out;
        }
    }

    /**
     * The most readings of a row without unshown empty cells weighed against the table's solution: digits run
     * together fill a row's cells in few ways when they are about as many as its cells (one way when exactly as
     * many), and past this the row is left to the rules.
     */
    private static final int SHOWN_IN_FULL_READINGS = 64;

    /**
     * Could the row's digits fill its cells, every cell shown, in at most {@link #SHOWN_IN_FULL_READINGS} ways? The
     * count is bounded without a search: {@code D} digits in {@code T} numbers cut into {@code m} cells can be cut
     * in at most C(D − T, m − T) ways (fewer where a cell cannot start with 0 or hold that many digits).
     */
    private static boolean fewFullReadings(List<Token> values, int cells) {
        int digits = 0;
        int numbers = 0;
        int fixed = 0;
        for (Token t : values) {
            switch (t.type()) {
                case NUMBER -> {
                    digits += t.text().length();
                    numbers++;
                }
                case BLANK, MERGED -> fixed++;
                default -> {
                    return true; // empty cells that may be padding: let the search count
                }
            }
        }
        int m = cells - fixed;
        if (numbers == 0 || digits < m || m < numbers) {
            return false; // no reading fills every cell with a printed digit
        }
        double ways = 1;
        int n = digits - numbers;
        int r = Math.min(m - numbers, n - (m - numbers));
        for (int i = 1; i <= r && ways <= SHOWN_IN_FULL_READINGS; i++) {
            ways = ways * (n - r + i) / i;
        }
        return ways <= SHOWN_IN_FULL_READINGS;
    }

    private Attempt attempt(
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
        return new Attempt(states, joint, outcome, equations);
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

    /**
     * For each row of a positioned attempt no reading of which satisfies the rules: the readings its positions
     * allow if one printed number breaks the rules (null: too many to list); empty when no single misprint explains
     * the table read by its positions.
     */
    private static java.util.Map<String, List<RowReadings.Reading>> positionedUnderMisprint(Attempt positioned) {
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
            Attempt attempt,
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
                        candidates.size() + " readings "
                                + (how.startsWith("as printed")
                                        ? "satisfy the row"
                                        : how.contains("misprinted")
                                                ? "remain (every rule, or all but one number misprinted)"
                                                : "satisfy every rule"));
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
