package cn.ogi.reader.render;

import cn.ogi.reader.SourceForm;
import java.util.List;
import java.util.Random;

/**
 * A page taken from its tables cell by cell, each cell's text on a line of its own — what {@code pdftotext} without
 * {@code -layout} gives for a simple table, and a scrape that ends every table cell with a line break: spanned labels
 * only where they start, an empty line after every cell in half the pages (a blank cell is then one more empty line;
 * in the other half it prints as nothing: invisible), prose as plain lines.
 */
public final class CellPerLineRenderer implements Renderer {

    @Override
    public String name() {
        return "cells";
    }

    @Override
    public Rendered render(GeneratedReport report, Random rnd) {
        TableStyle style = TableStyle.random(rnd);
        boolean emptyLineBetween = rnd.nextBoolean();
        StringBuilder out = new StringBuilder();
        CmsPage frame = report.habits().frame(report);
        if (frame != null) {
            frame.before().forEach(l -> out.append(l).append('\n'));
        }
        for (ReportDocument.Part part : ReportDocument.of(report, style).parts()) {
            if (part instanceof ReportDocument.Table t) {
                for (List<Grid.Cell> row : t.grid().rows()) {
                    for (Grid.Cell cell : row) {
                        String text = cell.text().strip();
                        if (!text.isEmpty()) {
                            out.append(text).append('\n');
                        }
                        if (emptyLineBetween) {
                            out.append('\n');
                        }
                    }
                }
            } else if (part instanceof ReportDocument.Title t) {
                out.append(t.text()).append('\n');
            } else if (part instanceof ReportDocument.Heading h) {
                out.append(h.text()).append('\n');
            } else if (part instanceof ReportDocument.Paragraph p) {
                out.append(p.text()).append('\n');
            }
        }
        if (frame != null) {
            frame.after().forEach(l -> out.append(l).append('\n'));
        }
        return Rendered.text(name(), out.toString(), "text/plain; charset=utf-8", SourceForm.TEXT);
    }
}
