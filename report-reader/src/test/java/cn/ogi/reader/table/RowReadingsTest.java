package cn.ogi.reader.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.edition.CellType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The readings of one row's digits: every reading satisfying the row's sum, found within the search's budget. */
class RowReadingsTest {

    private static final int CELLS = 7; // six applicant columns and their total, as Table 2 prints them

    private static List<CellSpec> applicantCells() {
        List<CellSpec> cells = new ArrayList<>();
        for (int c = 0; c < CELLS; c++) {
            cells.add(new CellSpec("applications.newReceived.c" + c, CellType.COUNT, null, "c" + c));
        }
        return cells;
    }

    private static Token digits(String text) {
        return new Token(
                Token.Type.NUMBER,
                text,
                "",
                null,
                false,
                false,
                false,
                false,
                0,
                0,
                Double.NaN,
                Double.NaN,
                false,
                false);
    }

    private static RowReadings.Result read(String digits) {
        return RowReadings.of(
                List.of(digits(digits)),
                applicantCells(),
                List.of(new RowReadings.Sum(new int[] {0, 1, 2, 3, 4, 5}, 6)),
                new RowReadings.Options(true, null));
    }

    private static boolean contains(RowReadings.Result result, long... values) {
        return result.readings().stream().anyMatch(r -> {
            for (int c = 0; c < values.length; c++) {
                if (r.values()[c] == null || r.values()[c].compareTo(BigDecimal.valueOf(values[c])) != 0) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void aLongRunOfDigitsIsSearchedToTheEndAndKeepsThePrintedReading() {
        // 14321 1713 0 0 2692 1262 19988 printed without a space: 24 digits. The parts can never add up to more
        // than the row's last digits can print as its total, so the search cuts those readings early — before,
        // it ran out of its budget here and left every cell unknown
        RowReadings.Result result = read("143211713002692126219988");

        assertTrue(result.complete(), "the search finished within its budget");
        assertTrue(contains(result, 14321, 1713, 0, 0, 2692, 1262, 19988), "the printed reading is among them");
    }

    @Test
    void everyReadingBalancesAndTheBoundNeverLosesOne() {
        // property: for random rows of the applicant columns, however many readings the digits allow, the printed
        // one is found and every one found balances
        Random rnd = new Random(20261201L);
        for (int i = 0; i < 300; i++) {
            long[] row = new long[CELLS];
            for (int c = 0; c < CELLS - 1; c++) {
                row[c] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(rnd.nextBoolean() ? 10 : 3000);
                row[CELLS - 1] += row[c];
            }
            StringBuilder printed = new StringBuilder();
            Arrays.stream(row).forEach(printed::append);
            RowReadings.Result result = read(printed.toString());
            if (!result.complete()) {
                continue; // a budget cut leaves the row unknown, never wrong
            }
            assertTrue(contains(result, row), printed + " keeps its printed reading");
            for (RowReadings.Reading r : result.readings()) {
                BigDecimal sum = BigDecimal.ZERO;
                for (int c = 0; c < CELLS - 1; c++) {
                    sum = sum.add(r.values()[c]);
                }
                assertEquals(0, sum.compareTo(r.values()[CELLS - 1]), printed + " read " + Arrays.toString(r.values()));
            }
        }
    }
}
