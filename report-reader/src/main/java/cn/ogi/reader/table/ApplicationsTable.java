package cn.ogi.reader.table;

import static cn.ogi.reader.table.TableReaders.APPLICATIONS;

import cn.ogi.reader.ReadNote;
import cn.ogi.reader.text.Labels;
import java.util.ArrayList;
import java.util.List;

/**
 * Table 2 (申请) of a report, read by aligning its printed rows with the form's rows in order (see
 * {@link TableReaders}, {@link RowAlignment}) and then jointly under its rules.
 */
final class ApplicationsTable extends ReportTable {

    private static final List<String> SUB_ROW_WORDS = List.of("逾期不补正", "收费通知", "缴纳费用", "不再处理其政府信息公开申请");

    ApplicationsTable(TableReaders tables) {
        super(tables);
    }

    @Override
    int read() {
        if (regions.t2() < 0) {
            return 0;
        }
        List<ObservedRow> rows = ObservedRow.of(tokens, regions.t2(), regions.t2End());
        boolean subRows = subRowsPrinted();
        boolean hasSubRows = edition.hasCell(APPLICATIONS + ".otherDisposal.noCorrection.total");
        List<RowSpec> specs = specs(hasSubRows && !subRows);
        if (tables.invisibleBlanks) {
            rows = LabelOnlyRows.inserted(
                    specs, rows, labelsAfterLastNumber(regions.t2(), regions.t2End()) + textBeforeTable3Heading());
        }
        int[] match = RowAlignment.align(specs, rows, tables.invisibleBlanks);
        boolean[] uncertain = RowAlignment.enforceOrder(specs, rows, match, tables.invisibleBlanks);
        List<ObservedRow> matched = new ArrayList<>(RowAlignment.matched(match, rows));
        java.util.Map<Integer, String> why = new java.util.HashMap<>();
        for (int s = 0; s < specs.size(); s++) {
            if (uncertain[s]) {
                matched.set(s, null);
                why.put(
                        s,
                        "printed without a label of its own where the number of such rows does not match the"
                                + " form's, so which row it is cannot be told");
            }
        }
        int found = (int) matched.stream().filter(r -> r != null).count();
        if (found == 0) {
            return 0;
        }
        if (hasSubRows && !subRows) {
            book.note(
                    ReadNote.MERGED_ROW,
                    List.of(APPLICATIONS + ".otherDisposal.other"),
                    "(六)其他处理 printed as one row without its sub-rows 1.–3.; recorded as otherDisposal.other only");
        }
        noteLabels(specs, matched);
        tables.place(APPLICATIONS, matched);
        java.util.Map<Integer, double[]> header = HeaderColumns.centers(
                tokens.subList(regions.t2(), firstValue(matched)), TableReaders.columnLabels(specs));
        tables.tableReader().read(specs, matched, tables.equations(specs), "Table 2", why, header);
        return found;
    }

    /**
     * Does Table 2 print (六)其他处理's sub-rows 1.–3.? Their words (逾期不补正, 收费通知 …) say so, also through typos
     * and look-alike characters of a conversion.
     */
    private boolean subRowsPrinted() {
        List<String> subLabels = RowSpec.of(edition, APPLICATIONS).stream()
                .filter(s -> s.key().endsWith(".noCorrection") || s.key().endsWith(".unpaidFee"))
                .map(s -> s.labels().get(0))
                .toList();
        StringBuilder text = new StringBuilder();
        for (int i = regions.t2(); i < regions.t2End(); i++) {
            Token t = tokens.get(i);
            if (t.type() == Token.Type.LABEL) {
                String c = Labels.compact(t.text());
                for (String w : SUB_ROW_WORDS) {
                    if (c.contains(w)) {
                        return true;
                    }
                }
                text.append(c);
            }
        }
        String all = text.toString();
        for (String l : subLabels) {
            for (int from = 0; from < all.length(); from += Math.max(1, l.length() / 2)) {
                String window = all.substring(from, Math.min(all.length(), from + l.length() + 6));
                if (Labels.score(l, window) >= 0.75) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The form's rows of Table 2; without (六)其他处理's sub-rows 1.–3. when they are not printed ({@code merged}). */
    private List<RowSpec> specs(boolean merged) {
        List<RowSpec> specs = new ArrayList<>();
        for (RowSpec s : RowSpec.of(edition, APPLICATIONS)) {
            if (merged && s.key().startsWith(APPLICATIONS + ".otherDisposal.")) {
                if (s.key().endsWith(".other")) {
                    specs.add(s.withOnlyLabels(List.of("六其他处理", "其他处理")));
                }
                continue;
            }
            specs.add(s);
        }
        return specs;
    }

    /** Notes the rows read by a label that matches only fuzzily, or by their place alone. */
    private void noteLabels(List<RowSpec> specs, List<ObservedRow> matched) {
        for (int s = 0; s < specs.size(); s++) {
            ObservedRow r = matched.get(s);
            if (r != null
                    && !r.own().isEmpty()
                    && RowAlignment.best(specs.get(s).labels(), r.own()) < Labels.EXACT) {
                book.note(
                        ReadNote.FUZZY_LABEL,
                        specs.get(s).cellKeys(),
                        "Table 2 row printed as '" + shorten(r.label()) + "' read as "
                                + specs.get(s).key());
            } else if (r != null && r.own().isEmpty()) {
                book.note(
                        ReadNote.FUZZY_LABEL,
                        specs.get(s).cellKeys(),
                        "Table 2 row printed without a label of its own"
                                + (r.pending().isEmpty() ? "" : " (text before it: '" + shorten(r.pending()) + "')")
                                + " read as " + specs.get(s).key() + " by its place in the table");
            }
        }
    }

    /**
     * Where cells run together, Table 2's last rows printed as labels alone can share one label token with Table 3's
     * heading ({@code 四、结转下年度继续办理四、政府信息公开行政复议…}); the part before the heading's 复议 belongs to
     * Table 2.
     */
    private String textBeforeTable3Heading() {
        if (regions.t3() < 0 || tokens.get(regions.t3()).type() != Token.Type.LABEL) {
            return "";
        }
        String heading = Labels.compact(tokens.get(regions.t3()).text());
        int at = heading.indexOf("复议");
        return at <= 0 ? "" : heading.substring(0, at);
    }

    /** The label text of a region after its last number (compact). */
    private String labelsAfterLastNumber(int from, int to) {
        int last = from;
        for (int i = from; i < to; i++) {
            if (tokens.get(i).isValue()) {
                last = i + 1;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = last; i < to; i++) {
            if (tokens.get(i).type() == Token.Type.LABEL) {
                sb.append(Labels.compact(tokens.get(i).text()));
            }
        }
        return sb.toString();
    }

    private int firstValue(List<ObservedRow> matched) {
        int first = regions.t2End();
        for (ObservedRow r : matched) {
            if (r != null && r.first() >= 0) {
                first = Math.min(first, r.first());
            }
        }
        return Math.max(first, regions.t2());
    }

    private static String shorten(String s) {
        return s.length() > 40 ? "…" + s.substring(s.length() - 40) : s;
    }
}
