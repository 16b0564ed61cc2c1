package cn.ogi.reader.render;

import cn.ogi.form.edition.ColumnDefinition;
import cn.ogi.reader.SourceForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A third-party PDF-to-Markdown conversion: {@code #} headings, {@code |---|} tables; in Table 2 some labels
 * detached from their numbers (the label text on plain lines before or after a table of label-less rows), lost
 * column headers ({@code 数据1}…{@code 数据6}), spurious header rows inserted mid-table; Table 3 as three 5-column
 * tables or one 15-number row under a shorter header; a fifth of those without detached labels on one line (the line
 * breaks lost when it was stored or scraped). Sent as text/markdown or text/plain.
 */
public final class MarkdownRenderer implements Renderer {

    private final boolean asPlainText;

    public MarkdownRenderer(boolean asPlainText) {
        this.asPlainText = asPlainText;
    }

    @Override
    public String name() {
        return asPlainText ? "markdown-as-text" : "markdown";
    }

    @Override
    public Rendered render(GeneratedReport report, Random rnd) {
        Md md = document(report, TableStyle.random(rnd), rnd);
        String text = md.out.toString();
        if (!md.detachedAny && rnd.nextInt(5) == 0) {
            // stored or scraped as one line: the line breaks lost (not where labels were detached from their rows:
            // on one line they would stand before the next row's numbers, and nothing could tell them apart)
            text = text.replaceAll("\\s*\\n\\s*", " ");
        }
        String type = asPlainText ? "text/plain; charset=utf-8" : "text/markdown; charset=utf-8";
        return Rendered.text(name(), text, type, SourceForm.MARKDOWN);
    }

    /** The Markdown text; also the base of the OCR-like rendering. */
    String markdown(GeneratedReport report, TableStyle style, Random rnd) {
        return document(report, style, rnd).out.toString();
    }

    private static Md document(GeneratedReport report, TableStyle style, Random rnd) {
        boolean lostHeaders = style.lostColumnHeaders() || rnd.nextInt(4) == 0;
        Md md = new Md(rnd, lostHeaders);
        ReportDocument doc = ReportDocument.of(report, style);
        for (ReportDocument.Part part : doc.parts()) {
            if (part instanceof ReportDocument.Title t) {
                md.line((rnd.nextBoolean() ? "# " : "") + t.text()).blank();
            } else if (part instanceof ReportDocument.Heading h) {
                md.blank().line((md.headings ? "## " : "") + h.text()).blank();
            } else if (part instanceof ReportDocument.Paragraph p) {
                md.line(p.text()).blank();
            } else if (part instanceof ReportDocument.Table t) {
                switch (t.grid().section()) {
                    case FormVocabulary.ACTIVE -> activeDisclosure(md, t.grid());
                    case FormVocabulary.APPLICATIONS -> applications(md, t.grid(), report);
                    default -> reviews(md, t.grid(), report);
                }
            }
        }
        return md;
    }

    private static void activeDisclosure(Md md, Grid grid) {
        for (List<Grid.Cell> row : grid.rows()) {
            if (row.get(0).role() == Grid.Role.CAPTION) {
                md.blank().line(row.get(0).text());
            } else if (!Grid.isDataRow(row)) {
                md.row(texts(row)).separator(row.size());
            } else {
                md.row(texts(row));
            }
        }
        md.blank();
    }

    private static void applications(Md md, Grid grid, GeneratedReport report) {
        List<ColumnDefinition> columns = report.vocabulary().applicantColumns();
        List<String> header = new ArrayList<>(List.of("类别"));
        for (int c = 0; c < columns.size(); c++) {
            String[] parts = columns.get(c).label().split(" · ", -1);
            header.add(
                    md.lostHeaders && c < columns.size() - 1
                            ? "数据" + (c + 1)
                            : report.habits().wording().column(parts[parts.length - 1]));
        }
        md.blank().row(header).separator(header.size());
        List<List<Grid.Cell>> rows =
                grid.rows().stream().filter(Grid::isDataRow).toList();
        double detachRate = md.rnd.nextInt(3) == 0 ? 0.3 : 0;
        for (int i = 0; i < rows.size(); ) {
            if (md.rnd.nextDouble() < detachRate) {
                int run = Math.min(rows.size() - i, 1 + md.rnd.nextInt(3));
                detached(md, rows.subList(i, i + run));
                i += run;
                continue;
            }
            if (md.rnd.nextInt(25) == 0) { // a page break the converter turned into a header row
                md.row(header).separator(header.size());
            }
            List<Grid.Cell> row = rows.get(i++);
            List<String> cells = new ArrayList<>();
            List<String> labels = texts(row, Grid.Role.LABEL);
            if (md.joinLabels) {
                cells.add(String.join(" ", labels));
            } else {
                cells.addAll(labels);
            }
            cells.addAll(md.numbers(row));
            md.row(cells);
        }
        md.blank();
    }

    /** Labels on plain lines before or after a table of the same rows' numbers without labels. */
    private static void detached(Md md, List<List<Grid.Cell>> rows) {
        md.detachedAny = true;
        boolean labelsFirst = md.rnd.nextBoolean();
        List<String> labelLines = rows.stream()
                .map(r -> String.join("", texts(r, Grid.Role.LABEL)))
                .toList();
        md.blank();
        if (labelsFirst) {
            labelLines.forEach(md::line);
        }
        for (int k = 0; k < rows.size(); k++) {
            List<String> numbers = md.numbers(rows.get(k));
            md.row(numbers);
            if (k == 0) {
                md.separator(numbers.size());
            }
        }
        md.blank();
        if (!labelsFirst) {
            labelLines.forEach(md::line);
        }
        md.blank();
    }

    private static void reviews(Md md, Grid grid, GeneratedReport report) {
        List<FormVocabulary.ReviewGroup> groups = report.vocabulary().reviewGroups();
        List<String> labels = report.vocabulary().reviewColumns().stream()
                .map(c -> report.habits().wording().column(c.label()))
                .toList();
        List<String> numbers = md.numbers(grid.rows().get(grid.rowCount() - 1));
        int w = labels.size();
        if (md.rnd.nextBoolean()) {
            for (int g = 0; g < groups.size(); g++) {
                FormVocabulary.ReviewGroup group = groups.get(g);
                md.blank().line(group.sub() == null ? group.top() : group.top() + " " + group.sub());
                md.row(labels).separator(w).row(numbers.subList(g * w, (g + 1) * w));
            }
        } else {
            List<String> header = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                header.addAll(labels.subList(0, w - 1)); // the 总计 headers lost in conversion
            }
            md.blank().row(header).separator(header.size()).row(numbers);
        }
        md.blank();
    }

    private static List<String> texts(List<Grid.Cell> row) {
        return row.stream().map(Grid.Cell::text).toList();
    }

    private static List<String> texts(List<Grid.Cell> row, Grid.Role role) {
        return row.stream().filter(c -> c.role() == role).map(Grid.Cell::text).toList();
    }

    /** A Markdown writer with one conversion's habits. */
    private static final class Md {
        final StringBuilder out = new StringBuilder();
        final Random rnd;
        final boolean lostHeaders;
        final boolean headings;
        final boolean joinLabels;
        final String blankCell;
        boolean detachedAny;

        Md(Random rnd, boolean lostHeaders) {
            this.rnd = rnd;
            this.lostHeaders = lostHeaders;
            headings = rnd.nextBoolean();
            joinLabels = rnd.nextBoolean();
            blankCell = rnd.nextInt(3) == 0 ? "-" : "";
        }

        Md line(String text) {
            out.append(text).append('\n');
            return this;
        }

        Md blank() {
            if (out.length() > 0 && !out.toString().endsWith("\n\n")) {
                out.append('\n');
            }
            return this;
        }

        Md row(List<String> cells) {
            out.append("| ").append(String.join(" | ", cells)).append(" |\n");
            return this;
        }

        Md separator(int n) {
            out.append("|").append("---|".repeat(n)).append('\n');
            return this;
        }

        List<String> numbers(List<Grid.Cell> row) {
            return row.stream()
                    .filter(c -> c.role() == Grid.Role.NUMBER)
                    .map(c -> c.blank() ? blankCell : c.text())
                    .toList();
        }
    }
}
