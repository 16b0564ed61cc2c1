package cn.ogi.reader.render;

import cn.ogi.reader.SourceForm;
import java.util.List;
import java.util.Random;

/**
 * A page scraped with each table row as one line of {@code |}-separated cells: spanned labels only in the row
 * where they start, blank cells visible as {@code | |}, the trailing {@code ||} artefacts of a converter that pads
 * every row to the widest, prose as plain lines; a quarter of the pages run onto one line.
 */
public final class PipeScrapeRenderer implements Renderer {

    @Override
    public String name() {
        return "pipe";
    }

    @Override
    public Rendered render(GeneratedReport report, Random rnd) {
        TableStyle style = TableStyle.random(rnd);
        boolean leadingPipe = rnd.nextInt(3) == 0;
        boolean padding = rnd.nextBoolean();
        StringBuilder out = new StringBuilder();
        CmsPage frame = report.habits().frame(report);
        if (frame != null) {
            frame.before().forEach(l -> out.append(l).append('\n'));
        }
        for (ReportDocument.Part part : ReportDocument.of(report, style).parts()) {
            if (part instanceof ReportDocument.Table t) {
                table(out, t.grid(), leadingPipe, padding, rnd);
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
        // a quarter of the pages scraped onto one line: one row's closing pipe meets the next row's first cell
        String page = rnd.nextInt(4) == 0 ? out.toString().replace('\n', ' ') : out.toString();
        return Rendered.text(name(), page, "text/plain; charset=utf-8", SourceForm.TEXT);
    }

    private static void table(StringBuilder out, Grid grid, boolean leadingPipe, boolean padding, Random rnd) {
        for (List<Grid.Cell> row : grid.rows()) {
            StringBuilder line = new StringBuilder(leadingPipe ? "| " : "");
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i).text());
                line.append(i + 1 < row.size() ? " | " : " |");
            }
            if (padding) {
                line.append("|".repeat(Math.max(0, grid.columns() - row.size()) * rnd.nextInt(2)));
            }
            out.append(line).append('\n');
        }
    }
}
