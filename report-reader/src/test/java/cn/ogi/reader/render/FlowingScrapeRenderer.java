package cn.ogi.reader.render;

import cn.ogi.reader.SourceForm;
import java.util.List;
import java.util.Random;

/**
 * A page scraped as its visible text with the markup dropped: the whole report on one line or a few long lines,
 * the tables' cells run together in reading order with no separator (a random single space between some), blank
 * cells simply absent, headers run together, an item number right after the previous row's digits
 * ({@code …70000072.没有现成…}), and group labels printed once or repeated.
 */
public final class FlowingScrapeRenderer implements Renderer {

    @Override
    public String name() {
        return "flowing";
    }

    @Override
    public Rendered render(GeneratedReport report, Random rnd) {
        TableStyle style = TableStyle.random(rnd);
        double spaceBetweenCells = new double[] {0, 0, 0.1, 0.35}[rnd.nextInt(4)];
        double lineBreakBetweenParts = rnd.nextInt(3) == 0 ? 0.3 : 0;
        StringBuilder out = new StringBuilder();
        CmsPage frame = report.habits().frame(report);
        if (frame != null) {
            out.append(String.join(" ", frame.before())).append(rnd.nextBoolean() ? "\n" : " ");
        } else if (rnd.nextBoolean()) {
            out.append("来源：")
                    .append(report.truth().agencyName())
                    .append(" 发布时间：")
                    .append(report.truth().year() + 1)
                    .append("-01-2")
                    .append(rnd.nextInt(10))
                    .append('\n');
        }
        for (ReportDocument.Part part : ReportDocument.of(report, style).parts()) {
            if (part instanceof ReportDocument.Table t) {
                table(out, t.grid(), spaceBetweenCells, report.habits().digits().fullWidth() ? '\u3000' : ' ', rnd);
            } else if (part instanceof ReportDocument.Title t) {
                out.append(t.text());
            } else if (part instanceof ReportDocument.Heading h) {
                out.append(h.text());
            } else if (part instanceof ReportDocument.Paragraph p) {
                out.append(p.text());
            }
            out.append(rnd.nextDouble() < lineBreakBetweenParts ? "\n" : rnd.nextInt(4) == 0 ? " " : "");
        }
        if (frame != null) {
            out.append(String.join(" ", frame.after()));
        }
        return Rendered.text(name(), out.toString(), "text/plain; charset=utf-8", SourceForm.TEXT);
    }

    private static void table(StringBuilder out, Grid grid, double space, char spaceChar, Random rnd) {
        boolean repeatGroup = rnd.nextInt(3) == 0;
        boolean spacesInLabels = rnd.nextInt(4) == 0;
        String group = null;
        for (List<Grid.Cell> row : grid.rows()) {
            for (Grid.Cell cell : row) {
                if (cell.blank()) {
                    continue; // an empty <td> leaves nothing in the scraped text
                }
                boolean label = cell.role() == Grid.Role.LABEL;
                if (label && cell.col() == 0 && cell.rowSpan() > 1) {
                    group = cell.text();
                } else if (label
                        && cell.col() == 1
                        && cell.rowSpan() > 1
                        && group != null
                        && repeatGroup
                        && rnd.nextBoolean()) {
                    out.append(group); // some templates repeat the group label where a subgroup starts
                }
                out.append(label && spacesInLabels ? withStraySpace(cell.text(), rnd) : cell.text());
                if (rnd.nextDouble() < space) {
                    out.append(spaceChar); // a full-width space where the publisher typed in full width
                }
            }
        }
    }

    /** A label with a space where the page wrapped it inside its cell (社会公益 组织). */
    private static String withStraySpace(String label, Random rnd) {
        if (label.length() < 4 || rnd.nextInt(3) != 0) {
            return label;
        }
        int at = 2 + rnd.nextInt(label.length() - 3);
        return label.substring(0, at) + " " + label.substring(at);
    }
}
