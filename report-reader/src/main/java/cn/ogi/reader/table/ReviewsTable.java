package cn.ogi.reader.table;

import static cn.ogi.reader.table.TableReaders.REVIEWS;

import cn.ogi.reader.Provenance;
import cn.ogi.reader.ReadNote;
import cn.ogi.reader.Unknown;
import cn.ogi.reader.text.Labels;
import java.util.ArrayList;
import java.util.List;

/**
 * Table 3 (复议、诉讼) of a report, read as the fifteen numbers after its header (one printed row, or three read in
 * the same order), under the rules of its groups (see {@link TableReaders}).
 */
final class ReviewsTable extends ReportTable {

    ReviewsTable(TableReaders tables) {
        super(tables);
    }

    @Override
    int read() {
        List<RowSpec> groups = RowSpec.of(edition, REVIEWS);
        if (regions.t3() < 0 || groups.isEmpty()) {
            return 0;
        }
        List<Token> values = new ArrayList<>();
        List<Integer> at = new ArrayList<>(); // where each value is in the tokens
        collectValues(values, at);
        List<CellSpec> cells = new ArrayList<>();
        for (RowSpec g : groups) {
            cells.addAll(g.cells());
        }
        if (values.isEmpty()) {
            if (printedWithoutNumbers(cells)) {
                return groups.size();
            }
            for (CellSpec c : cells) {
                book.unknown(c.key(), Unknown.NOT_FOUND, List.of(), "no number of Table 3 found after its header");
            }
            return 0;
        }
        // empty cells between the header's words and the first number, more than the cells leave room for: the
        // header's padding (a scrape run onto one line, where the header row's closing pipes meet the numbers)
        // empty cells after the last number and just before the next section's heading, on its line: the table's
        // own (its last cells printed blank), as a line's end would have shown them; which of them could be a
        // scrape's padding cannot be told, so the row is read with all of them or not at all
        trimPadding(values, at, cells.size());
        int first = at.get(0);
        // the fifteen numbers are one printed row (or three, read in the same order)
        RowSpec all = new RowSpec(REVIEWS, List.of("行政复议"), cells);
        ObservedRow row = new ObservedRow("", "", values, first);
        List<ObservedRow> matched = List.of(row);
        tables.place(REVIEWS, matched);
        java.util.Map<Integer, double[]> header =
                HeaderColumns.centers(tokens.subList(regions.t3(), first), TableReaders.columnLabels(List.of(all)));
        tables.tableReader()
                .read(List.of(all), matched, tables.equations(List.of(all)), "Table 3", java.util.Map.of(), header);
        return groups.size();
    }

    /**
     * The value tokens of the table, and where each is in the tokens; empty cells beside header words before the
     * first number are the header's padding, not blank results.
     */
    private void collectValues(List<Token> values, List<Integer> at) {
        int first = -1;
        java.util.Set<Integer> labelled = new java.util.HashSet<>();
        for (int i = regions.t3(); i < regions.end(); i++) {
            if (tokens.get(i).type() == Token.Type.LABEL) {
                labelled.add(tokens.get(i).line());
            }
        }
        for (int i = regions.t3(); i < regions.end(); i++) {
            Token t = tokens.get(i);
            // empty cells beside header words before the first number are the header's padding, not blank results
            boolean padding = t.type() == Token.Type.TRAILING && first < 0 && labelled.contains(t.line());
            if (t.isValue() && !padding) {
                values.add(t);
                at.add(i);
                first = first < 0 ? i : first;
            }
        }
    }

    /**
     * Empty cells after the last number and just before the next section's heading, on its line, become the
     * table's blank cells; empty cells between the header's words and the first number, more than the {@code cells}
     * leave room for, are dropped as the header's padding (see {@link #read}).
     */
    private void trimPadding(List<Token> values, List<Integer> at, int cells) {
        int lastNumber = values.size() - 1;
        while (lastNumber >= 0 && values.get(lastNumber).type() != Token.Type.NUMBER) {
            lastNumber--;
        }
        for (int v = lastNumber + 1; v < values.size(); v++) {
            if (values.get(v).type() == Token.Type.TRAILING && labelFollows(at.get(v))) {
                values.set(v, values.get(v).withType(Token.Type.BLANK));
            }
        }
        int leading = 0;
        while (leading < values.size() && !values.get(leading).type().equals(Token.Type.NUMBER)) {
            leading++;
        }
        if (leading > 0 && values.size() - leading == cells && headerPadding(at.get(0), at.get(leading))) {
            values.subList(0, leading).clear();
            at.subList(0, leading).clear();
        }
    }

    /**
     * Where empty cells do not show, a Table 3 whose cells are all blank is its header alone: the whole header
     * printed (维持, 纠正, 审结, 总计), then nothing but the next section's heading. Its cells are blank as printed —
     * unless fifteen numbers in a row stand further on (a table's numbers set apart from its header by a
     * conversion), when nothing is read.
     */
    private boolean printedWithoutNumbers(List<CellSpec> cells) {
        StringBuilder labels = new StringBuilder();
        for (int i = regions.t3(); i < Math.min(regions.end() + 1, tokens.size()); i++) {
            Token t = tokens.get(i);
            if (i < regions.end() && (t.type() == Token.Type.NUMBER || t.type() == Token.Type.BLANK)) {
                return false;
            }
            if (t.type() == Token.Type.LABEL) {
                labels.append(Labels.compact(t.text()));
            }
        }
        // the header, up to the next section's heading — which a text run together prints in the header's own
        // token (…尚未审结总计五、存在的主要问题…); no heading: the text may have been cut off in the table
        String header = Regions.beforeNextSection(labels.toString());
        for (String word : List.of("维持", "纠正", "审结", "总计")) {
            if (!header.contains(word)) {
                return false;
            }
        }
        int run = 0;
        for (int i = regions.end(); i < tokens.size(); i++) {
            Token.Type type = tokens.get(i).type();
            run = type == Token.Type.NUMBER ? run + 1 : type == Token.Type.LABEL ? 0 : run;
            if (run >= cells.size()) {
                return false;
            }
        }
        List<String> keys = new ArrayList<>();
        for (CellSpec c : cells) {
            book.read(c.key(), null, Provenance.BLANK_AS_PRINTED, null);
            keys.add(c.key());
        }
        book.note(ReadNote.BLANK_CELL, keys, "Table 3 printed without any number: every cell blank as printed");
        tables.place(REVIEWS, tokens.get(regions.t3()).page());
        return true;
    }

    /**
     * Are the empty cells of tokens[from, to) on the line of a header word printed just before them, with nothing but
     * empty cells between (the header row's padding, not a blank first result)?
     */
    private boolean headerPadding(int from, int to) {
        int before = from - 1;
        while (before >= 0
                && !tokens.get(before).isValue()
                && tokens.get(before).type() != Token.Type.LABEL) {
            before--;
        }
        if (before < 0 || tokens.get(before).type() != Token.Type.LABEL) {
            return false;
        }
        for (int i = before; i < to; i++) {
            if (tokens.get(i).line() != tokens.get(before).line()
                    || (i > before && tokens.get(i).type() == Token.Type.LABEL)) {
                return false;
            }
        }
        return true;
    }

    /** Is the next token after the empty cells from {@code i} on a label on the same line? */
    private boolean labelFollows(int i) {
        int k = i + 1;
        while (k < tokens.size()
                && (tokens.get(k).type() == Token.Type.BLANK || tokens.get(k).type() == Token.Type.TRAILING)) {
            k++;
        }
        return k < tokens.size()
                && tokens.get(k).type() == Token.Type.LABEL
                && tokens.get(k).line() == tokens.get(i).line();
    }
}
