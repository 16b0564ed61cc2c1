package cn.ogi.reader.render;

import cn.ogi.form.edition.ColumnDefinition;
import cn.ogi.reader.SourceForm;
import cn.ogi.reader.render.FormVocabulary.ApplicationRow;
import java.util.List;
import java.util.Random;

/**
 * What {@code pdftotext -layout} makes of a PDF report: prose wrapped at the page width, table columns as runs of
 * spaces with numbers right- or centre-aligned (blank cells invisible), wrapped row labels (text on the line above
 * and below the numbers), the vertical group label 三、本年度办理结果 split into single characters on lines of
 * their own between the rows, subgroup labels on a line in the middle of their rows, page footers ({@code -3-},
 * {@code 第 2 页}) inserted mid-table, in a quarter of the texts the title as a running header (页眉) at the top of
 * every page after the first, in a fifth the labels letter-spaced ({@code 行 政 许 可}), and the column grid shifting a little after a page break.
 */
public final class LayoutTextRenderer implements Renderer {

    @Override
    public String name() {
        return "layout";
    }

    @Override
    public Rendered render(GeneratedReport report, Random rnd) {
        String text = layout(report, rnd);
        if (rnd.nextInt(3) == 0) {
            text = Radicals.of(rnd, c -> true).print(text); // pdftotext of a word processor's PDF
        }
        return Rendered.text(name(), text, "text/plain; charset=utf-8", SourceForm.TEXT);
    }

    /** The layout text of a PDF that writes every character as itself. */
    public String layout(GeneratedReport report, Random rnd) {
        return layout(report, TableStyle.random(rnd), rnd);
    }

    /** The layout text; also the base of the OCR-like rendering. */
    String layout(GeneratedReport report, TableStyle style, Random rnd) {
        Page page = new Page(rnd);
        int width = 28 + rnd.nextInt(10);
        for (ReportDocument.Part part : ReportDocument.of(report, style).parts()) {
            if (part instanceof ReportDocument.Title t) {
                page.line(" ".repeat(8) + t.text()).line("");
                int marks = rnd.nextInt(20);
                if (marks < 5) {
                    page.runningHeader(t.text());
                }
                page.spacedLabels = marks % 5 == 1;
            } else if (part instanceof ReportDocument.Heading h) {
                page.line("    " + h.text());
            } else if (part instanceof ReportDocument.Paragraph p) {
                page.wrap(p.text(), width);
            } else if (part instanceof ReportDocument.Table t) {
                switch (t.grid().section()) {
                    case FormVocabulary.ACTIVE -> activeDisclosure(page, report);
                    case FormVocabulary.APPLICATIONS -> applications(page, report, style);
                    default -> reviews(page, report, style);
                }
            }
        }
        return page.finish();
    }

    private static void activeDisclosure(Page page, GeneratedReport r) {
        Columns cols = page.columns(16, 14);
        List<FormVocabulary.Block> blocks = r.vocabulary().blocks();
        int rows = blocks.stream().mapToInt(b -> b.rows().size()).sum();
        int repeatAt = repeatedHeaderRow(r, rows);
        int row = 0;
        for (FormVocabulary.Block block : blocks) {
            blockHeader(page, cols, block);
            for (FormVocabulary.Row printed : block.rows()) {
                if (row++ == repeatAt) { // the table's first header printed again at the top of the next page
                    page.pageBreak();
                    blockHeader(page, cols, blocks.get(0));
                }
                List<String> numbers = block.columns().stream()
                        .map(c -> r.printed(FormVocabulary.ACTIVE + "." + printed.key() + "." + c.key()))
                        .toList();
                page.line(cols.line(r.habits().wording().row(printed.label()), numbers))
                        .line("");
            }
        }
    }

    /** Where a long table's header rows print again after a page break (a row index), or -1. */
    private static int repeatedHeaderRow(GeneratedReport r, int rows) {
        return r.habits().repeatsHeaders() ? 1 + (int) (r.habits().repeatedHeaderAt() * (rows - 1)) : -1;
    }

    private static void blockHeader(Page page, Columns cols, FormVocabulary.Block block) {
        page.line("").line(" ".repeat(12) + block.header()).line("");
        if (page.rnd.nextBoolean()) {
            // pdftotext puts each column label where the PDF has it: over its numbers
            page.line(cols.line(
                            FormText.CONTENT,
                            block.columns().stream()
                                    .map(ColumnDefinition::label)
                                    .toList()))
                    .line("");
        } else {
            // a template whose header row is spaced on its own, not over the number columns
            StringBuilder header = new StringBuilder(pad(FormText.CONTENT, cols.labelWidth));
            for (ColumnDefinition c : block.columns()) {
                header.append("  ").append(c.label());
            }
            page.line(header.toString()).line("");
        }
    }

    private static void applications(Page page, GeneratedReport r, TableStyle style) {
        List<ColumnDefinition> columns = r.vocabulary().applicantColumns();
        Columns cols = page.columns(30, 6 + widest(r, FormVocabulary.APPLICATIONS));
        PrintHabits.Wording words = r.habits().wording();
        applicantHeader(page, cols, columns, style, words);
        List<ApplicationRow> rows = r.vocabulary().applicationRows().stream()
                .filter(row -> !r.rowAbsent(FormVocabulary.APPLICATIONS, row.key()))
                .toList();
        int repeatAt = repeatedHeaderRow(r, rows.size());
        VerticalLabel vertical = new VerticalLabel(page.rnd);
        boolean subgroupMidLine = page.rnd.nextBoolean();
        for (int i = 0; i < rows.size(); i++) {
            ApplicationRow row = rows.get(i);
            List<String> numbers = columns.stream()
                    .map(c -> r.printed(FormVocabulary.APPLICATIONS + "." + row.key() + "." + c.key()))
                    .toList();
            if (i == repeatAt) {
                page.pageBreak();
                applicantHeader(page, cols, columns, style, words);
            }
            if (row.startsGroup()) {
                vertical.start(words.group(row.top(), true), groupLength(rows, i));
            }
            boolean merged = row.itemNumber() == null || subgroupSize(rows, i) == 1;
            String label;
            if (row.standalone()) {
                label = row.top();
            } else if (merged) {
                label = "  " + TableGrids.subLabel(row, style, words, false);
            } else {
                boolean firstOfSub =
                        i == 0 || !row.subNumber().equals(rows.get(i - 1).subNumber());
                String item = "     " + words.item(style, row.itemNumber(), row.itemName());
                label = firstOfSub && !subgroupMidLine
                        ? "  " + TableGrids.subLabel(row, style, words, true) + item.strip()
                        : item;
                if (subgroupMidLine && i - firstIndexOfSub(rows, i) == subgroupSize(rows, i) / 2) {
                    page.line("  " + TableGrids.subLabel(row, style, words, true));
                }
            }
            cols.row(page, label, numbers);
            vertical.afterRow(page);
            if (page.rnd.nextInt(4) == 0) {
                page.line("");
            }
        }
    }

    private static void applicantHeader(
            Page page, Columns cols, List<ColumnDefinition> columns, TableStyle style, PrintHabits.Wording words) {
        page.line(" ".repeat(cols.labelWidth + 10) + FormText.APPLICANTS).line("");
        if (!style.lostColumnHeaders()) {
            List<String> labels = columns.stream()
                    .map(c -> words.column(c.label().replaceAll(".* · ", "")))
                    .toList();
            page.line(FormText.BALANCE_NOTE.substring(0, 18) + "   " + " ".repeat(cols.labelWidth - 10) + "法人或其他组织");
            page.line(FormText.BALANCE_NOTE.substring(18));
            page.line(cols.headerLine(labels, 0));
            page.line(cols.headerLine(labels, 2));
            page.line("");
        }
    }

    private static void reviews(Page page, GeneratedReport r, TableStyle style) {
        List<FormVocabulary.ReviewGroup> groups = r.vocabulary().reviewGroups();
        List<String> labels = r.vocabulary().reviewColumns().stream()
                .map(c -> r.habits().wording().column(c.label()))
                .toList();
        Columns cols = page.columns(0, 5 + widest(r, FormVocabulary.REVIEWS));
        page.line("      " + groups.get(0).top() + " ".repeat(30)
                        + groups.get(1).top())
                .line("");
        page.line(" ".repeat(28)
                + groups.get(1).sub()
                + " ".repeat(16)
                + groups.get(2).sub());
        if (!style.lostColumnHeaders()) {
            List<String> all = groups.stream().flatMap(g -> labels.stream()).toList();
            page.line(cols.headerLine(all, 0)).line(cols.headerLine(all, 2));
        }
        page.line("");
        List<String> numbers = groups.stream()
                .flatMap(g -> r.vocabulary().reviewColumns().stream()
                        .map(c -> r.printed(FormVocabulary.REVIEWS + "." + g.key() + "." + c.key())))
                .toList();
        page.line(cols.line("", numbers)).line("");
    }

    private static int widest(GeneratedReport r, String section) {
        return r.truth().cells().keys().stream()
                .filter(k -> k.startsWith(section + "."))
                .mapToInt(k -> r.printed(k).length())
                .max()
                .orElse(1);
    }

    private static int groupLength(List<ApplicationRow> rows, int start) {
        int end = start + 1;
        while (end < rows.size() && rows.get(end).top() == null) {
            end++;
        }
        return end - start;
    }

    private static int firstIndexOfSub(List<ApplicationRow> rows, int i) {
        while (i > 0 && rows.get(i).subNumber().equals(rows.get(i - 1).subNumber())) {
            i--;
        }
        return i;
    }

    private static int subgroupSize(List<ApplicationRow> rows, int i) {
        int first = firstIndexOfSub(rows, i);
        int end = first;
        while (end < rows.size()
                && rows.get(first).subNumber().equals(rows.get(end).subNumber())) {
            end++;
        }
        return end - first;
    }

    static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
