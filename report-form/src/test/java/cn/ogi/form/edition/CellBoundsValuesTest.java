package cn.ogi.form.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bounds of one cell type as values: what they accept, what they say, how a definition narrows them. */
class CellBoundsValuesTest {

    private static final CellBounds COUNTS = new CellBounds(BigDecimal.ZERO, new BigDecimal("100000000"), 0);
    private static final CellBounds AMOUNTS = new CellBounds(BigDecimal.ZERO, new BigDecimal("100000000"), 1);

    @Test
    void refusesBoundsThatCannotHoldAnyValue() {
        assertThrows(IllegalStateException.class, () -> new CellBounds(BigDecimal.TEN, BigDecimal.ONE, 0));
        assertThrows(IllegalStateException.class, () -> new CellBounds(BigDecimal.ZERO, BigDecimal.ONE, -1));
        assertThrows(IllegalStateException.class, () -> new CellBounds(null, BigDecimal.ONE, 0));
        assertThrows(IllegalStateException.class, () -> new CellBounds(BigDecimal.ZERO, null, 0));
    }

    @Test
    void acceptsTheEndsAndSaysWhyAValueOutsideOrTooPreciseDoesNotFit() {
        assertEquals(Optional.empty(), COUNTS.problem(BigDecimal.ZERO));
        assertEquals(Optional.empty(), COUNTS.problem(new BigDecimal("100000000")));
        assertEquals(Optional.empty(), COUNTS.problem(new BigDecimal("0.000")));
        assertTrue(COUNTS.problem(new BigDecimal("-1")).orElseThrow().contains("from 0 to 100000000"));
        assertTrue(COUNTS.problem(new BigDecimal("1E+309")).orElseThrow().startsWith("is 1E+309"));
        assertTrue(AMOUNTS.problem(new BigDecimal("1.25")).orElseThrow().endsWith("at most 1 decimal place"));
        assertTrue(COUNTS.problem(new BigDecimal("0.5")).orElseThrow().endsWith("at most 0 decimal places"));
        assertEquals(Optional.empty(), AMOUNTS.problem(new BigDecimal("1.50")));
    }

    @Test
    void aDefinitionNarrowsOnlyWhatItNames() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertSame(COUNTS, COUNTS.narrowedBy(null));
        assertSame(COUNTS, COUNTS.narrowedBy(json.readTree("null")));
        assertSame(COUNTS, COUNTS.narrowedBy(json.missingNode()));
        CellBounds narrowed = COUNTS.narrowedBy(json.readTree("{\"max\": 1000}"));
        assertEquals(new CellBounds(BigDecimal.ZERO, new BigDecimal("1000"), 0), narrowed);
        assertEquals(
                new CellBounds(new BigDecimal("-5"), new BigDecimal("100000000"), 2),
                COUNTS.narrowedBy(json.readTree("{\"min\": -5, \"scale\": 2}")));
    }

    @Test
    void showsHugeNumbersInScientificFormAndOthersPlain() {
        assertEquals("1E+309", CellBounds.shown(new BigDecimal("1E+309")));
        assertEquals("1200", CellBounds.shown(new BigDecimal("1.2E+3")));
    }
}
