package cn.ogi.reader.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A printed table as the State Council form lays it out: cells at grid positions with row and column spans (the
 * applicant header over three rows, group labels spanning their rows). Every renderer prints from this, each in
 * its own way: HTML as it is, a scrape as the cells' texts in reading order, a PDF at coordinates.
 *
 * @param section the section key the table prints
 * @param columns the number of grid columns
 * @param cells   every cell, each once, at the row and column where it starts
 */
public record Grid(String section, int columns, List<Cell> cells) {

    public enum Role {
        /** A caption row inside the table (第二十条第（一）项). */
        CAPTION,
        /** A column header. */
        HEADER,
        /** A row label (group, subgroup or item). */
        LABEL,
        /** A number cell; its text is "" when printed blank. */
        NUMBER
    }

    public record Cell(int row, int col, int rowSpan, int colSpan, String text, Role role) {

        public boolean blank() {
            return text.isEmpty();
        }
    }

    public Grid {
        cells = cells.stream()
                .sorted(Comparator.comparingInt(Cell::row).thenComparingInt(Cell::col))
                .toList();
    }

    public int rowCount() {
        return cells.stream().mapToInt(c -> c.row() + c.rowSpan()).max().orElse(0);
    }

    /** The cells starting in each row, in column order (the order of {@code <td>}s in HTML). */
    public List<List<Cell>> rows() {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < rowCount(); i++) {
            rows.add(new ArrayList<>());
        }
        for (Cell c : cells) {
            rows.get(c.row()).add(c);
        }
        return rows;
    }

    /** True when the row holds at least one number cell (a data row, not a header). */
    public static boolean isDataRow(List<Cell> row) {
        return row.stream().anyMatch(c -> c.role() == Role.NUMBER);
    }

    /** Collects cells row by row; {@link #next()} moves to the next grid row. */
    static final class Builder {
        private final String section;
        private final int columns;
        private final List<Cell> cells = new ArrayList<>();
        private int row;

        Builder(String section, int columns) {
            this.section = section;
            this.columns = columns;
        }

        Builder add(int col, int rowSpan, int colSpan, String text, Role role) {
            cells.add(new Cell(row, col, rowSpan, colSpan, text, role));
            return this;
        }

        Builder next() {
            row++;
            return this;
        }

        int row() {
            return row;
        }

        Grid build() {
            return new Grid(section, columns, cells);
        }
    }
}
