package cn.ogi.reader.render;

import cn.ogi.reader.SourceForm;
import java.util.List;
import java.util.Random;

/**
 * A page copied from the browser (or a word processor) into a text box: every table row one line of cells separated
 * by single tabs, a spanned label only in the row where it starts, an empty cell as nothing (or the space of an
 * no-break space) between two tabs, prose as plain lines, now and then indented with a tab; Windows line ends on
 * some pages.
 */
public final class TabCopyRenderer implements Renderer {

    @Override
    public String name() {
        return "tabs";
    }

    @Override
    public Rendered render(GeneratedReport report, Random rnd) {
        TableStyle style = TableStyle.random(rnd);
        String blank = rnd.nextInt(3) == 0 ? " " : "";
        String indent = rnd.nextBoolean() ? "\t" : "";
        StringBuilder out = new StringBuilder();
        for (ReportDocument.Part part : ReportDocument.of(report, style).parts()) {
            if (part instanceof ReportDocument.Table t) {
                table(out, t.grid(), blank);
            } else if (part instanceof ReportDocument.Title t) {
                out.append(t.text()).append('\n');
            } else if (part instanceof ReportDocument.Heading h) {
                out.append(indent).append(h.text()).append('\n');
            } else if (part instanceof ReportDocument.Paragraph p) {
                out.append(indent).append(p.text()).append('\n');
            }
        }
        String page = rnd.nextInt(3) == 0 ? out.toString().replace("\n", "\r\n") : out.toString();
        return Rendered.text(name(), page, "text/plain; charset=utf-8", SourceForm.TEXT);
    }

    private static void table(StringBuilder out, Grid grid, String blank) {
        for (List<Grid.Cell> row : grid.rows()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                Grid.Cell cell = row.get(i);
                line.append(cell.blank() ? blank : cell.text());
                if (i + 1 < row.size()) {
                    line.append('\t');
                }
            }
            out.append(line).append('\n');
        }
    }
}
