package cn.ogi.intake.parse;

import cn.ogi.form.edition.ColumnDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.RowDefinition;
import cn.ogi.form.edition.SectionDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Table 2 (收到和处理政府信息公开申请情况): 25 rows of seven numbers in a fixed order. Label text is gathered
 * from the lines before each line of numbers (labels wrap, vertical group labels are split into single
 * characters), then printed rows are aligned with the form's rows in order, tolerating typos.
 */
final class ApplicationsReader {

    static final String SECTION = "applications";
    private static final String OTHER_DISPOSAL = "otherDisposal.other";
    private static final int MAX_OBSERVED_ROWS = 400;

    private final CellSink sink;

    ApplicationsReader(CellSink sink) {
        this.sink = sink;
    }

    private record Spec(String rowKey, List<String> labels) {}

    private record Observed(String label, TextRow row) {}

    /** Reads the section's rows; returns the number of form rows found. */
    int read(EditionDefinition edition, List<TextRow> rows, List<String> compact, int from, int to) {
        SectionDefinition section = edition.section(SECTION).orElse(null);
        if (section == null || from < 0) {
            return 0;
        }
        List<String> columns = section.rows().get(0).columns().stream()
                .map(ColumnDefinition::key)
                .toList();
        boolean subRows = false;
        for (int i = from; i < to; i++) {
            String c = compact.get(i);
            if (c.contains("逾期不补正") || c.contains("收费通知") || c.contains("缴纳费用")) {
                subRows = true;
                break;
            }
        }
        List<Spec> specs = specs(section, subRows);
        boolean merged = edition.rowKeys(SECTION).contains("otherDisposal.noCorrection") && !subRows;

        List<Observed> observed = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (int i = from; i < to && i < rows.size() && observed.size() < MAX_OBSERVED_ROWS; i++) {
            TextRow row = rows.get(i);
            boolean blankPipeRow = row.pipe() && !row.label().isEmpty() && row.blankRun() >= 3;
            if (row.hasNumbers() || blankPipeRow) {
                String label = TextNormalizer.compact(pending + row.label());
                observed.add(new Observed(label, row));
                pending.setLength(0);
            } else {
                pending.append(row.label());
                if (pending.length() > 400) {
                    pending.delete(0, pending.length() - 400);
                }
            }
        }
        List<List<String>> wanted = specs.stream().map(Spec::labels).toList();
        int[] match = LabelMatcher.align(
                wanted, observed.stream().map(Observed::label).toList());

        RowResolver resolver = new RowResolver(sink);
        int found = 0;
        for (int s = 0; s < specs.size(); s++) {
            Spec spec = specs.get(s);
            List<String> keys = columns.stream()
                    .map(c -> SECTION + "." + spec.rowKey() + "." + c)
                    .toList();
            if (match[s] < 0) {
                sink.note(
                        ParseNote.NOT_FOUND,
                        keys,
                        "Table 2 row " + spec.rowKey() + " ('" + spec.labels().get(0) + "') not found");
                continue;
            }
            found++;
            Observed o = observed.get(match[s]);
            double score = LabelMatcher.best(spec.labels(), o.label());
            if (score < LabelMatcher.EXACT) {
                String shown = o.label().length() > 40
                        ? "…" + o.label().substring(o.label().length() - 40)
                        : o.label();
                sink.note(ParseNote.FUZZY_LABEL, keys, "Table 2 row '" + shown + "' read as " + spec.rowKey());
            }
            if (!o.row().hasNumbers()) {
                for (String k : keys) {
                    sink.put(k, BigDecimal.ZERO);
                }
                sink.note(ParseNote.BLANK_CELL, keys, "Table 2 row " + spec.rowKey() + " printed blank; recorded as 0");
                continue;
            }
            resolver.resolve(keys, o.row(), ApplicationsReader::rowTotalHolds, Quantity::value);
        }
        if (merged && match[indexOf(specs, OTHER_DISPOSAL)] >= 0) {
            sink.note(
                    ParseNote.MERGED_ROW,
                    List.of(SECTION + "." + OTHER_DISPOSAL),
                    "(六)其他处理 printed as one row without its sub-rows 1.–3.; recorded as otherDisposal.other only");
        }
        return found;
    }

    /** APP-TOTAL-COL on one row: the six applicant columns sum to the total (true when it cannot be checked). */
    static boolean rowTotalHolds(List<BigDecimal> v) {
        if (v.size() != 7 || v.contains(null)) {
            return true;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < 6; i++) {
            sum = sum.add(v.get(i));
        }
        return sum.compareTo(v.get(6)) == 0;
    }

    private static int indexOf(List<Spec> specs, String key) {
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).rowKey().equals(key)) {
                return i;
            }
        }
        return 0;
    }

    private static List<Spec> specs(SectionDefinition section, boolean subRows) {
        List<Spec> out = new ArrayList<>();
        boolean hasSubRows = section.rowKeys().contains("otherDisposal.noCorrection");
        for (RowDefinition r : section.rows()) {
            if (hasSubRows && !subRows && r.key().startsWith("otherDisposal.")) {
                if (r.key().equals(OTHER_DISPOSAL)) {
                    out.add(new Spec(OTHER_DISPOSAL, List.of("六其他处理")));
                }
                continue;
            }
            List<String> labels = new ArrayList<>();
            labels.add(ownLabel(r.label()));
            if (r.key().equals("partiallyGranted")) {
                labels.add("二部分公开区分处理的只计这一情形不计其他情形");
            }
            out.add(new Spec(r.key(), labels));
        }
        return out;
    }

    /**
     * The part of a definition label printed on the row itself: {@code (三) 不予公开 1. 属于国家秘密} →
     * {@code 1属于国家秘密}, {@code 三、本年度办理结果 (一) 予以公开} → {@code 一予以公开}.
     */
    static String ownLabel(String definitionLabel) {
        String l = TextNormalizer.normalize(definitionLabel);
        int item = -1;
        for (int i = 0; i + 1 < l.length(); i++) {
            if (Character.isDigit(l.charAt(i)) && (l.charAt(i + 1) == '.' || l.charAt(i + 1) == '、')) {
                item = i;
            }
        }
        if (item < 0) {
            item = Math.max(l.lastIndexOf('('), 0);
        }
        return TextNormalizer.compact(l.substring(item));
    }
}
