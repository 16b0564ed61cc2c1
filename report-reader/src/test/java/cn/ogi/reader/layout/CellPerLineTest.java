package cn.ogi.reader.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * A sparse Table 2 that ends every cell with an empty line, its rows of seven cells mostly blank: a row of one
     * number, blank but for its total, ends in that number; a row of two ends in five blank cells, so the next label
     * stands six empty lines after it. Most labels stand wide, yet the rows that end in a number are followed by
     * the next label one empty line on: no row break of the scrape's own.
     */
    private static List<String> sparseRows() {
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < 12; r++) {
            lines.add("第" + r + "行");
            lines.add("");
            List<String> cells = r % 2 == 0
                    ? List.of("", "", "", "", "", "", String.valueOf(r))
                    : List.of("3", "4", "", "", "", "", "");
            for (String cell : cells) {
                if (!cell.isEmpty()) {
                    lines.add(cell);
                }
                lines.add("");
            }
        }
        return lines;
    }

    @Test
    void rowsEndingInBlankCellsDoNotHideThatEveryCellEndsWithAnEmptyLine() {
        List<String> lines = sparseRows();

        assertTrue(CellPerLine.emptyLineAfterEveryCell(
                lines, CellPerLine.withLoneCells(lines, CellPerLine.joinedToRow(lines))));
    }

    @Test
    void aScrapeThatBreaksEveryRowWithEmptyLinesOfItsOwnStillDoesNot() {
        List<String> lines = new ArrayList<>();
        for (String line : sparseRows()) {
            if (line.startsWith("第")) {
                lines.add(""); // a row break before every label: no label stands one empty line after a cell
                lines.add("");
            }
            lines.add(line);
        }

        assertFalse(CellPerLine.emptyLineAfterEveryCell(
                lines, CellPerLine.withLoneCells(lines, CellPerLine.joinedToRow(lines))));
    }

    /** A row whose only printed cell is one number: its blank cells after it are shown as the others' are. */
    @Test
    void aLoneNumberAfterItsLabelIsItsRowsCellWithTheBlankCellsAfterIt() {
        List<String> lines = rows(1);
        lines.addAll(List.of("行政规范性文件", "", "65", "", "", "", "第二十条第（五）项", ""));

        Layout layout = TextLayout.of(String.join("\n", lines), cn.ogi.reader.SourceForm.TEXT);

        Line row = layout.lines().stream()
                .filter(l -> l.text().startsWith("行政规范性文件"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of(Piece.Kind.TEXT, Piece.Kind.CELL, Piece.Kind.EDGE, Piece.Kind.EDGE),
                row.pieces().stream().map(Piece::kind).toList());
        assertEquals("65", row.pieces().get(1).text());
    }
}
