package cn.ogi.reader.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The joint search keeps exactly the readings some solution of the whole table uses, also past enumeration. */
class JointSolverTest {

    private static BigDecimal[] reading(long... values) {
        BigDecimal[] out = new BigDecimal[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = BigDecimal.valueOf(values[i]);
        }
        return out;
    }

    private static Equation sum(String rule, List<String> cells, long total) {
        return new Equation(rule, cells, new int[] {1, 1, 1}, BigDecimal.valueOf(total));
    }

    /** Six rows of eight readings each, bound by no rule: the combinations become too many to try one by one. */
    private static void addFreeRows(List<List<String>> keys, List<List<BigDecimal[]>> readings) {
        for (int free = 0; free < 6; free++) {
            keys.add(List.of("free" + free));
            List<BigDecimal[]> any = new ArrayList<>();
            for (int v = 0; v < 8; v++) {
                any.add(reading(v));
            }
            readings.add(any);
        }
    }

    /**
     * Rows a, b, c of two columns x and y, x summing to 2 and y to 1; b and c each hold a 1 in one of the columns.
     * Read (1, 1), row a fits each column's sum on its own (b and c can give x 1, or y 0) but not both at once: b and
     * c always give x and y 1 between them. Six more rows of eight readings each, bound by no rule, make the
     * combinations too many to try one by one (8⁶ · 8 = 2,097,152): before, the search stopped at its first solution
     * and every reading the sums one by one left stood — a's y was ambiguous.
     */
    @Test
    void aReadingThatFitsEachSumButNoSolutionIsRemovedPastEnumeration() {
        List<List<String>> keys = new ArrayList<>();
        List<List<BigDecimal[]>> readings = new ArrayList<>();
        for (String row : List.of("a", "b", "c")) {
            keys.add(List.of(row + ".x", row + ".y"));
        }
        readings.add(List.of(reading(1, 0), reading(1, 1)));
        readings.add(List.of(reading(1, 0), reading(0, 1)));
        readings.add(List.of(reading(1, 0), reading(0, 1)));
        addFreeRows(keys, readings);
        List<Equation> equations =
                List.of(sum("X", List.of("a.x", "b.x", "c.x"), 2), sum("Y", List.of("a.y", "b.y", "c.y"), 1));

        JointSolver.Outcome outcome = JointSolver.solve(keys, readings, equations);

        assertTrue(outcome.solvable());
        assertEquals(Set.of(0), outcome.readings().get(0)); // a is (1, 0)
        assertEquals(Set.of(0, 1), outcome.readings().get(1)); // b and c: which holds x is not told
        assertEquals(8, outcome.readings().get(3).size());
        assertTrue(outcome.exact());
    }

    /**
     * Rows a, b and c each print one number in both their cells, 0 or 1; a's first and b's first sum to 1, b's second
     * and c's first, c's second and a's second: each sum on its own can be met either way, all three never (an odd
     * cycle). With six free rows the combinations are past enumeration: the search proves it has no solution (before,
     * a search past enumeration that found none was not exact, and the rows' readings stood).
     */
    @Test
    void aTableWithoutASolutionPastEnumerationIsProvenSo() {
        List<List<String>> keys = new ArrayList<>();
        List<List<BigDecimal[]>> readings = new ArrayList<>();
        for (String row : List.of("a", "b", "c")) {
            keys.add(List.of(row + ".1", row + ".2"));
            readings.add(List.of(reading(0, 0), reading(1, 1)));
        }
        addFreeRows(keys, readings);
        List<Equation> equations = List.of(pair("X", "a.1", "b.1"), pair("Y", "b.2", "c.1"), pair("Z", "c.2", "a.2"));

        JointSolver.Outcome outcome = JointSolver.solve(keys, readings, equations);

        assertFalse(outcome.solvable());
        assertTrue(outcome.exact());
    }

    private static Equation pair(String rule, String first, String second) {
        return new Equation(rule, List.of(first, second), new int[] {1, 1}, BigDecimal.ONE);
    }
}
