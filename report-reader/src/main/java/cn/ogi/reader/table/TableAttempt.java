package cn.ogi.reader.table;

import java.util.List;
import java.util.Set;

/**
 * One reading of a table by {@link TableReader}: the rows' readings (see {@link RowReadings}) and the joint outcome
 * of the rows the search could use ({@link JointSolver}) under the table's equations; where no reading satisfies
 * every rule, the readings a single misprinted number allows ({@link Misprint}).
 */
record TableAttempt(
        List<RowState> states, List<RowState> joint, JointSolver.Outcome outcome, List<Equation> equations) {

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

    boolean solved() {
        return outcome.solvable();
    }

    /** Does every rule hold: solved, and no rule over rows of one reading each broken as they read? */
    boolean holdsEveryRule() {
        return solved() && outcome.broken().isEmpty();
    }

    /** Does this attempt break fewer rules than {@code other} (an unsolved one breaks more than any solved one)? */
    boolean breaksFewerRulesThan(TableAttempt other) {
        return solved()
                && (!other.solved()
                        || outcome.broken().size() < other.outcome.broken().size());
    }

    /**
     * A solved attempt that breaks rules over rows of one reading each: where some cell is named by every rule it
     * breaks (one misprinted number would explain them all), the readings its solution uses, by spec key; else
     * empty — positions that break rules no single misprint explains placed a number off its column.
     */
    java.util.Map<String, List<RowReadings.Reading>> whereOneMisprintExplains() {
        Set<String> named = new java.util.HashSet<>(outcome.broken().get(0).cells());
        outcome.broken().forEach(e -> named.retainAll(e.cells()));
        java.util.Map<String, List<RowReadings.Reading>> out = new java.util.HashMap<>();
        for (int j = 0; j < joint.size() && !named.isEmpty(); j++) {
            List<RowReadings.Reading> readings = joint.get(j).result().readings();
            out.put(
                    joint.get(j).spec().key(),
                    outcome.readings().get(j).stream().map(readings::get).toList());
        }
        return out;
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
                .noneMatch(i -> fullValues.contains(
                        java.util.Arrays.toString(st.result().readings().get(i).values())));
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
