package cn.ogi.reader.render;

import cn.ogi.form.edition.ColumnDefinition;
import cn.ogi.reader.render.FormVocabulary.ApplicationRow;
import cn.ogi.reader.render.Grid.Role;
import java.util.ArrayList;
import java.util.List;

/** Lays the three tables of a generated report out as {@link Grid}s, the way the State Council form prints them. */
public final class TableGrids {

    /** Table 1 has four value slots so that 3-, 2- and 1-column blocks can span them differently. */
    private static final int SLOTS = 4;

    private TableGrids() {}

    public static Grid activeDisclosure(GeneratedReport r, TableStyle style) {
        Grid.Builder g = new Grid.Builder(FormVocabulary.ACTIVE, 1 + SLOTS);
        for (FormVocabulary.Block block : r.vocabulary().blocks()) {
            g.add(0, 1, 1 + SLOTS, block.header(), Role.CAPTION).next();
            int[][] headerSpans = spans(block.columns().size(), false);
            int[][] dataSpans = spans(block.columns().size(), style.misalignedTableOne());
            g.add(0, 1, 1, FormText.CONTENT, Role.HEADER);
            for (int i = 0; i < block.columns().size(); i++) {
                g.add(
                        headerSpans[i][0],
                        1,
                        headerSpans[i][1],
                        block.columns().get(i).label(),
                        Role.HEADER);
            }
            g.next();
            for (FormVocabulary.Row row : block.rows()) {
                g.add(0, 1, 1, r.habits().wording().row(row.label()), Role.LABEL);
                for (int i = 0; i < block.columns().size(); i++) {
                    String key = FormVocabulary.ACTIVE + "." + row.key() + "."
                            + block.columns().get(i).key();
                    g.add(dataSpans[i][0], 1, dataSpans[i][1], r.printed(key), Role.NUMBER);
                }
                g.next();
            }
        }
        return g.build();
    }

    /** {start column, span} of each value column of a block with {@code n} columns. */
    private static int[][] spans(int n, boolean shifted) {
        return switch (n) {
            case 1 -> new int[][] {{1, SLOTS}};
            case 2 -> new int[][] {{1, 2}, {3, 2}};
            case 3 -> shifted ? new int[][] {{1, 2}, {3, 1}, {4, 1}} : new int[][] {{1, 1}, {2, 2}, {4, 1}};
            default -> throw new IllegalArgumentException("Table 1 block with " + n + " columns");
        };
    }

    public static Grid applications(GeneratedReport r, TableStyle style) {
        List<ColumnDefinition> columns = r.vocabulary().applicantColumns();
        int first = 3; // group, subgroup, item, then the numbers
        Grid.Builder g = new Grid.Builder(FormVocabulary.APPLICATIONS, first + columns.size());
        applicantHeader(g, columns, first, style, r.habits().wording());
        List<ApplicationRow> rows = r.vocabulary().applicationRows().stream()
                .filter(row -> !r.rowAbsent(FormVocabulary.APPLICATIONS, row.key()))
                .toList();
        for (int i = 0; i < rows.size(); i++) {
            ApplicationRow row = rows.get(i);
            if (row.standalone()) {
                g.add(0, 1, first, row.top(), Role.LABEL);
            } else {
                labelsOfGroupRow(g, rows, i, style, r.habits().wording());
            }
            for (int c = 0; c < columns.size(); c++) {
                String key = FormVocabulary.APPLICATIONS + "." + row.key() + "."
                        + columns.get(c).key();
                g.add(first + c, 1, 1, r.printed(key), Role.NUMBER);
            }
            g.next();
        }
        return g.build();
    }

    private static void applicantHeader(
            Grid.Builder g, List<ColumnDefinition> columns, int first, TableStyle style, PrintHabits.Wording words) {
        int n = columns.size();
        g.add(0, 3, first, FormText.BALANCE_NOTE, Role.HEADER);
        g.add(first, 1, n, FormText.APPLICANTS, Role.HEADER).next();
        if (style.lostColumnHeaders()) {
            g.next();
            for (int c = 0; c < n; c++) {
                g.add(first + c, 1, 1, c == n - 1 ? words.column("总计") : "数据" + (c + 1), Role.HEADER);
            }
            g.next();
            return;
        }
        // 法人或其他组织 spans the columns between the first (自然人) and the last (总计)
        String organisations = columns.get(1).label().split(" · ", -1)[0];
        g.add(first, 2, 1, words.column(columns.get(0).label()), Role.HEADER);
        g.add(first + 1, 1, n - 2, organisations, Role.HEADER);
        g.add(first + n - 1, 2, 1, words.column(columns.get(n - 1).label()), Role.HEADER)
                .next();
        for (int c = 1; c < n - 1; c++) {
            String[] parts = columns.get(c).label().split(" · ", -1);
            g.add(first + c, 1, 1, words.column(parts[parts.length - 1]), Role.HEADER);
        }
        g.next();
    }

    private static void labelsOfGroupRow(
            Grid.Builder g, List<ApplicationRow> rows, int i, TableStyle style, PrintHabits.Wording words) {
        ApplicationRow row = rows.get(i);
        int groupStart = i;
        while (rows.get(groupStart).top() == null) {
            groupStart--;
        }
        int groupEnd = i;
        while (groupEnd + 1 < rows.size() && rows.get(groupEnd + 1).top() == null) {
            groupEnd++;
        }
        String group = words.group(rows.get(groupStart).top(), true);
        if (!style.spannedGroups()) {
            g.add(0, 1, 1, group, Role.LABEL);
        } else if (i == groupStart) {
            g.add(0, groupEnd - groupStart + 1, 1, group, Role.LABEL);
        }
        int subStart = i;
        while (subStart > groupStart
                && row.subNumber().equals(rows.get(subStart - 1).subNumber())) {
            subStart--;
        }
        int subEnd = i;
        while (subEnd < groupEnd && row.subNumber().equals(rows.get(subEnd + 1).subNumber())) {
            subEnd++;
        }
        boolean merged = row.itemNumber() == null || subStart == subEnd;
        String sub = subLabel(row, style, words, !merged);
        if (merged) {
            g.add(1, 1, 2, sub, Role.LABEL);
            return;
        }
        if (!style.spannedGroups()) {
            g.add(1, 1, 1, sub, Role.LABEL);
        } else if (i == subStart) {
            g.add(1, subEnd - subStart + 1, 1, sub, Role.LABEL);
        }
        g.add(2, 1, 1, words.item(style, row.itemNumber(), row.itemName()), Role.LABEL);
    }

    /** A subgroup's label as the publisher words it; {@code heads} when its item rows follow under it. */
    static String subLabel(ApplicationRow row, TableStyle style, PrintHabits.Wording words, boolean heads) {
        String label = words.sub(style, row.subNumber(), row.subName(), heads);
        return style.partialNote() && row.subName().equals(FormText.PARTIAL) ? label + FormText.PARTIAL_NOTE : label;
    }

    public static Grid reviews(GeneratedReport r) {
        List<FormVocabulary.ReviewGroup> groups = r.vocabulary().reviewGroups();
        List<ColumnDefinition> columns = r.vocabulary().reviewColumns();
        int w = columns.size();
        PrintHabits.Wording words = r.habits().wording();
        Grid.Builder g = new Grid.Builder(FormVocabulary.REVIEWS, groups.size() * w);
        // first header row: tops (行政复议 over one group, 行政诉讼 over the two with a sub header)
        List<int[]> topRuns = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (i > 0 && groups.get(i).top().equals(groups.get(i - 1).top())) {
                topRuns.get(topRuns.size() - 1)[1]++;
            } else {
                topRuns.add(new int[] {i, 1});
            }
        }
        for (int[] run : topRuns) {
            g.add(run[0] * w, 1, run[1] * w, groups.get(run[0]).top(), Role.HEADER);
        }
        g.next();
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).sub() == null) {
                for (int c = 0; c < w; c++) {
                    g.add(i * w + c, 2, 1, words.column(columns.get(c).label()), Role.HEADER);
                }
            } else {
                g.add(i * w, 1, w, groups.get(i).sub(), Role.HEADER);
            }
        }
        g.next();
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).sub() != null) {
                for (int c = 0; c < w; c++) {
                    g.add(i * w + c, 1, 1, words.column(columns.get(c).label()), Role.HEADER);
                }
            }
        }
        g.next();
        for (int i = 0; i < groups.size(); i++) {
            for (int c = 0; c < w; c++) {
                String key = FormVocabulary.REVIEWS + "." + groups.get(i).key() + "."
                        + columns.get(c).key();
                g.add(i * w + c, 1, 1, r.printed(key), Role.NUMBER);
            }
        }
        return g.build();
    }
}
