package cn.ogi.reader.render;

import java.util.ArrayList;
import java.util.List;

/** Draws a {@link Grid} as a ruled table: row heights from the wrapped texts, page breaks between rows. */
final class PdfTable {

    private final PdfCanvas canvas;
    private final Grid grid;
    private final float[] widths;
    private final float size;
    private final float lineHeight;
    private final float[] heights;
    private int[] pageOf;
    private float[] topOf;
    private float labelSpacing;

    PdfTable(PdfCanvas canvas, Grid grid, float[] widths, float size) {
        this.canvas = canvas;
        this.grid = grid;
        this.widths = widths;
        this.size = size;
        this.lineHeight = size * 1.3f;
        this.heights = rowHeights();
    }

    private float[] rowHeights() {
        float[] h = new float[grid.rowCount()];
        java.util.Arrays.fill(h, size * 2f);
        for (Grid.Cell c : grid.cells()) {
            if (c.rowSpan() == 1) {
                h[c.row()] = Math.max(h[c.row()], textHeight(c) + 6);
            }
        }
        for (Grid.Cell c : grid.cells()) {
            if (c.rowSpan() > 1) {
                float spanned = 0;
                for (int r = c.row(); r < c.row() + c.rowSpan(); r++) {
                    spanned += h[r];
                }
                float need = textHeight(c) + 6;
                if (need > spanned) {
                    h[c.row() + c.rowSpan() - 1] += need - spanned;
                }
            }
        }
        return h;
    }

    /**
     * Prints the labels that fit on one line with this much space after every character (in font sizes), as a
     * document whose table text is letter-spaced (字符间距加宽) or spread over its cell (分散对齐) has them.
     */
    PdfTable withLabelSpacing(float ems) {
        labelSpacing = ems;
        return this;
    }

    private boolean vertical(Grid.Cell c) {
        return c.rowSpan() > 2 && width(c) < size * 4 && c.text().length() > 3;
    }

    private float textHeight(Grid.Cell c) {
        if (vertical(c)) {
            return c.text().length() * lineHeight;
        }
        return lines(c).size() * lineHeight;
    }

    private float spaced(String line) {
        return canvas.width(line, size) + line.length() * labelSpacing * size;
    }

    private List<String> lines(Grid.Cell c) {
        if (c.role() == Grid.Role.NUMBER) {
            return List.of(c.text()); // a number is never wrapped: drawn smaller where it does not fit (适应文字)
        }
        return canvas.wrap(c.text(), size, width(c) - 4);
    }

    /** The size a cell's line is drawn at: a number too wide for its cell (full-width digits) shrunk to fit it. */
    private float sizeOf(Grid.Cell c, String line, float x0, float x1) {
        float room = x1 - x0 - 4;
        float wide = canvas.width(line, size);
        return c.role() == Grid.Role.NUMBER && wide > room ? size * room / wide : size;
    }

    private float x(int col) {
        float x = PdfCanvas.MARGIN;
        for (int i = 0; i < col; i++) {
            x += widths[i];
        }
        return x;
    }

    private float width(Grid.Cell c) {
        return x(c.col() + c.colSpan()) - x(c.col());
    }

    void draw(PdfRenderer.Flow flow) {
        pageOf = new int[heights.length];
        topOf = new float[heights.length];
        for (int r = 0; r < heights.length; r++) {
            flow.ensure(heights[r]);
            pageOf[r] = flow.page;
            topOf[r] = flow.y;
            flow.y -= heights[r];
        }
        flow.y -= flow.size;
        for (Grid.Cell c : grid.cells()) {
            drawCell(c);
        }
    }

    /** A cell crossing a page break is drawn as one box per page; its text goes into the tallest box. */
    private void drawCell(Grid.Cell c) {
        List<int[]> fragments = new ArrayList<>(); // {first row, last row}
        for (int r = c.row(); r < c.row() + c.rowSpan(); r++) {
            if (fragments.isEmpty() || pageOf[r] != pageOf[fragments.get(fragments.size() - 1)[0]]) {
                fragments.add(new int[] {r, r});
            } else {
                fragments.get(fragments.size() - 1)[1] = r;
            }
        }
        float x0 = x(c.col());
        float x1 = x(c.col() + c.colSpan());
        int[] tallest = fragments.get(0);
        for (int[] f : fragments) {
            int page = pageOf[f[0]];
            float top = topOf[f[0]];
            float bottom = topOf[f[1]] - heights[f[1]];
            canvas.line(page, x0, top, x1, top);
            canvas.line(page, x0, bottom, x1, bottom);
            canvas.line(page, x0, top, x0, bottom);
            canvas.line(page, x1, top, x1, bottom);
            if (top - bottom > topOf[tallest[0]] - topOf[tallest[1]] + heights[tallest[1]]) {
                tallest = f;
            }
        }
        text(c, pageOf[tallest[0]], x0, x1, topOf[tallest[0]], topOf[tallest[1]] - heights[tallest[1]]);
    }

    private void text(Grid.Cell c, int page, float x0, float x1, float top, float bottom) {
        List<String> lines = new ArrayList<>();
        if (vertical(c)) {
            c.text().chars().forEach(ch -> lines.add(String.valueOf((char) ch)));
        } else {
            lines.addAll(lines(c));
        }
        float block = lines.size() * lineHeight;
        float y = (top + bottom) / 2 + block / 2 - size;
        boolean left = c.role() == Grid.Role.LABEL && !vertical(c);
        if (left && lines.size() == 1 && labelSpacing > 0 && spaced(lines.get(0)) < x1 - x0 - 4) {
            float x = x0 + 2;
            String label = lines.get(0);
            for (int i = 0; i < label.length(); i++) {
                String ch = String.valueOf(label.charAt(i));
                canvas.text(page, x, y, size, ch);
                x += canvas.width(ch, size) + labelSpacing * size;
            }
            return;
        }
        for (String line : lines) {
            float drawn = sizeOf(c, line, x0, x1);
            float x = left ? x0 + 2 : (x0 + x1) / 2 - canvas.width(line, drawn) / 2;
            canvas.text(page, x, y, drawn, line);
            y -= lineHeight;
        }
    }
}
