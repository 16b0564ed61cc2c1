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
 * @param repeatedHeaderRow the row where the header rows print again after a page break, or -1
 */
public record Grid(String section, int columns, List<Cell> cells, int repeatedHeaderRow) {

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

    public Grid(String section, int columns, List<Cell> cells) {
        this(section, columns, cells, -1);
    }

    /**
     * The table as printed over a page break with its header rows (the rows before the first number) printed again
     * after the break (Word's 标题行重复): the break falls at {@code fraction} of the data rows, after the first; a
     * cell spanning the break (a group label) is printed on both pages. The table itself if it has fewer than two
     * data rows.
     */
    public Grid withHeaderRepeated(double fraction) {
        int header = headerRowCount();
        int dataRows = rowCount() - header;
        if (dataRows < 2) {
            return this;
        }
        int at = header + 1 + (int) (fraction * (dataRows - 1));
        List<Cell> out = new ArrayList<>();
        for (Cell c : cells) {
            if (c.row() < header) {
                out.add(c);
                out.add(new Cell(c.row() + at, c.col(), c.rowSpan(), c.colSpan(), c.text(), c.role()));
            } else if (c.row() >= at) {
                out.add(new Cell(c.row() + header, c.col(), c.rowSpan(), c.colSpan(), c.text(), c.role()));
            } else if (c.row() + c.rowSpan() > at) {
                out.add(new Cell(c.row(), c.col(), at - c.row(), c.colSpan(), c.text(), c.role()));
                int rest = c.row() + c.rowSpan() - at;
                out.add(new Cell(at + header, c.col(), rest, c.colSpan(), c.text(), c.role()));
            } else {
                out.add(c);
            }
        }
        return new Grid(section, columns, out, at);
    }

    private int headerRowCount() {
        List<List<Cell>> rows = rows();
        int header = 0;
        while (header < rows.size() && !isDataRow(rows.get(header))) {
            header++;
        }
        return header;
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
