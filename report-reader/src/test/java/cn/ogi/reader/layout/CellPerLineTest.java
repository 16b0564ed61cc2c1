package cn.ogi.reader.layout;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a text taken cell by cell shows its empty cells as empty lines, and when it does not. */
class CellPerLineTest {

    /** Ten rows of a label and three numbers, each line followed by {@code after} empty lines. */
    private static List<String> rows(int after) {
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            for (String cell : List.of("第" + r + "行", "1", "2", "3")) {
                lines.add(cell);
                for (int e = 0; e < after; e++) {
                    lines.add("");
                }
            }
        }
        return lines;
    }

    @Test
    void aTextWithAnEmptyLineAfterEveryCellShowsItsEmptyCells() {
        List<String> lines = rows(1);
        lines.add(2, ""); // one more empty line: a blank cell between the first row's 1 and 2

        assertTrue(CellPerLine.emptyLineAfterEveryCell(lines, CellPerLine.joinedToRow(lines)));
    }

    @Test
    void cellsOnConsecutiveLinesAsPdftotextPrintsThemDoNot() {
        List<String> lines = rows(0);
        lines.add(2, ""); // an empty line pdftotext left between two cells: no empty cell

        assertFalse(CellPerLine.emptyLineAfterEveryCell(lines, CellPerLine.joinedToRow(lines)));
    }

    @Test
    void aFewCellsAreNoEvidence() {
        List<String> lines = List.of("规章", "", "1", "", "2", "", "", "3", "");

        assertFalse(CellPerLine.emptyLineAfterEveryCell(lines, CellPerLine.joinedToRow(lines)));
    }
}
