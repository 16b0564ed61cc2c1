package cn.ogi.reader.render;

import cn.ogi.reader.SourceForm;
import java.util.Random;

/**
 * A web page (or the fragment a CMS stores) with the tables as the State Council form prints them: rowspan and
 * colspan, non-breaking-space entities or empty blanks, {@code <p>} inside cells, {@code <th>} or {@code <td>} headers, {@code <br>} inside them, entities, styles,
 * the whole markup sometimes on one line. Sent as text/html or, pasted into a text field, as text/plain — which
 * still counts as HTML.
 */
public final class HtmlRenderer implements Renderer {

    private final boolean asPlainText;

    public HtmlRenderer(boolean asPlainText) {
        this.asPlainText = asPlainText;
    }

    @Override
    public String name() {
        return asPlainText ? "html-as-text" : "html";
    }

    @Override
    public Rendered render(GeneratedReport report, Random rnd) {
        TableStyle style = TableStyle.random(rnd);
        Markup m = new Markup(rnd);
        StringBuilder out = new StringBuilder();
        boolean page = rnd.nextBoolean();
        CmsPage frame = report.habits().frame(report);
        m.frame = frame;
        if (frame != null) {
            out.append(frame.htmlHead(m.escape(ReportDocument.title(report.truth())), m.nl));
        } else if (page) {
            out.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                    .append(ReportDocument.title(report.truth()))
                    .append("</title></head><body><div class=\"article\">")
                    .append(m.nl);
        }
        for (ReportDocument.Part part : ReportDocument.of(report, style).parts()) {
            if (part instanceof ReportDocument.Title t) {
                out.append("<p style='text-align: center;font-weight: bold;'>")
                        .append(m.escape(t.text()))
                        .append("</p>");
            } else if (part instanceof ReportDocument.Heading h) {
                out.append(m.paragraphs ? "<p>" : "<h3>")
                        .append(m.escape(h.text()))
                        .append(m.paragraphs ? "</p>" : "</h3>");
            } else if (part instanceof ReportDocument.Paragraph p) {
                out.append("<p>").append(m.escape(p.text())).append("</p>");
            } else if (part instanceof ReportDocument.Table t) {
                table(out, t.grid(), m);
            }
            out.append(m.nl);
        }
        if (frame != null) {
            out.append(frame.htmlTail(m.nl));
        } else if (page) {
            out.append("</div></body></html>");
        }
        String type = asPlainText ? "text/plain; charset=utf-8" : "text/html; charset=utf-8";
        return Rendered.text(name(), out.toString(), type, SourceForm.HTML);
    }

    private static void table(StringBuilder out, Grid grid, Markup m) {
        String open = "<table border=\"1\" cellspacing=\"0\"" + (m.styled ? " style=\"width:560px\"" : "") + "><tbody>";
        out.append(open).append(m.nl);
        colgroup(out, grid, m);
        int split = !m.wordExport
                ? -1
                : grid.repeatedHeaderRow() >= 0 ? grid.repeatedHeaderRow() : pageBreakRow(grid, m.rnd);
        var rows = grid.rows();
        // a CMS that keeps a table's header rows in a table of their own, the body in the next
        int headerEnd = m.frame != null && m.frame.splitHeader ? firstDataRow(grid) : -1;
        for (int r = 0; r < rows.size(); r++) {
            var row = rows.get(r);
            if (r == split) { // the table continues on the next page: a table of its own in Word's HTML
                out.append("</tbody></table>").append(m.nl);
                out.append("<p class=MsoNormal><span lang=EN-US>&nbsp;</span></p>")
                        .append(m.nl);
                out.append(open).append(m.nl);
            } else if (r == headerEnd && r > 0) {
                out.append("</tbody></table>").append(m.nl).append(open).append(m.nl);
                colgroup(out, grid, m);
            }
            out.append("<tr>");
            for (Grid.Cell c : row) {
                String tag = m.headerCells && c.role() == Grid.Role.HEADER ? "th" : "td";
                out.append('<').append(tag);
                if (c.rowSpan() > 1) {
                    out.append(" rowspan=\"").append(c.rowSpan()).append('"');
                }
                if (c.colSpan() > 1) {
                    out.append(" colspan=\"").append(c.colSpan()).append('"');
                }
                if (m.styled) {
                    out.append(" nowrap=\"nowrap\" style=\"width:")
                            .append(40 + 10 * c.colSpan())
                            .append("px;\"");
                }
                out.append('>');
                String text = c.blank() ? m.blank : m.escape(c.text());
                if (c.role() == Grid.Role.HEADER && c.text().length() >= 4 && m.rnd.nextInt(3) == 0) {
                    int at = 2 + m.rnd.nextInt(c.text().length() - 3);
                    text = m.escape(c.text().substring(0, at)) + "<br />"
                            + m.escape(c.text().substring(at));
                }
                if (m.wordExport) {
                    text = "<span lang=EN-US style='font-size:10.5pt;font-family:宋体'>" + text + "<o:p></o:p></span>";
                }
                out.append(m.cellParagraphs ? "<p align=\"center\">" + text + "</p>" : text);
                out.append("</").append(tag).append('>');
            }
            out.append("</tr>").append(m.nl);
        }
        if (m.wordExport) { // Word's row of the column widths, empty cells without borders, at the table's end
            out.append("<![if !supportMisalignedColumns]><tr height=0>");
            for (int c = 0; c < grid.columns(); c++) {
                out.append("<td width=").append(40 + m.rnd.nextInt(40)).append(" style='border:none'></td>");
            }
            out.append("</tr><![endif]>");
        }
        out.append("</tbody></table>");
    }

    private static void colgroup(StringBuilder out, Grid grid, Markup m) {
        if (m.frame == null || !m.frame.colgroup) {
            return;
        }
        out.append("<colgroup>");
        for (int c = 0; c < grid.columns(); c++) {
            out.append("<col width=\"").append(c == 0 ? 120 : 60).append("\" />");
        }
        out.append("</colgroup>").append(m.nl);
    }

    /** The first row that holds a number cell, where no cell of the header rows spans into the body; or -1. */
    private static int firstDataRow(Grid grid) {
        var rows = grid.rows();
        for (int r = 0; r < rows.size(); r++) {
            if (Grid.isDataRow(rows.get(r))) {
                int at = r;
                boolean spans = grid.cells().stream().anyMatch(c -> c.row() < at && at < c.row() + c.rowSpan());
                return spans ? -1 : r;
            }
        }
        return -1;
    }

    /** A row the table may break before (no cell spans across it), or -1: where Word's HTML starts a new table. */
    private static int pageBreakRow(Grid grid, Random rnd) {
        java.util.List<Integer> rows = new java.util.ArrayList<>();
        for (int r = 3; r < grid.rowCount() - 1; r++) {
            int at = r;
            if (grid.cells().stream().noneMatch(c -> c.row() < at && at < c.row() + c.rowSpan())) {
                rows.add(r);
            }
        }
        return rows.isEmpty() || rnd.nextBoolean() ? -1 : rows.get(rnd.nextInt(rows.size()));
    }

    /** The markup habits of one page. */
    private static final class Markup {
        final Random rnd;
        final String nl;
        final boolean paragraphs;
        final boolean styled;
        final boolean cellParagraphs;
        final boolean entities;
        final boolean headerCells;
        final String blank;
        /** Word's "save as web page": spans and {@code <o:p>} in cells, its row of column widths, tables per page. */
        final boolean wordExport;
        /** The site's CMS frame around the article, or null. */
        CmsPage frame;

        Markup(Random rnd) {
            this.rnd = rnd;
            nl = rnd.nextInt(3) == 0 ? "" : "\n";
            paragraphs = rnd.nextBoolean();
            styled = rnd.nextBoolean();
            cellParagraphs = rnd.nextBoolean();
            entities = rnd.nextBoolean();
            headerCells = rnd.nextInt(4) == 0;
            blank = new String[] {"&nbsp;", "", " ", "&nbsp;&nbsp;"}[rnd.nextInt(4)];
            wordExport = rnd.nextInt(4) == 0;
        }

        String escape(String text) {
            String s = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            if (entities) {
                s = s.replace("“", "&ldquo;").replace("”", "&rdquo;").replace("、", "&#12289;");
            }
            return s;
        }
    }
}
