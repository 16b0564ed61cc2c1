package cn.ogi.reader.table;

import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.reader.Provenance;
import cn.ogi.reader.ReadNote;
import cn.ogi.reader.TablePlace;
import cn.ogi.reader.Unknown;
import cn.ogi.reader.text.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the three tables of an edition 2019/2021 report from the token stream: Table 1 (主动公开) row by row by its
 * labels, Table 2 (申请) by aligning the printed rows with the form's rows in order, Table 3 (复议、诉讼) as the
 * fifteen numbers after its header; Tables 2 and 3 are then read jointly under their rules.
 */
public final class TableReaders {

    static final String ACTIVE = "activeDisclosure";
    static final String APPLICATIONS = "applications";
    static final String REVIEWS = "reviews";
    private static final List<String> SUB_ROW_WORDS = List.of("逾期不补正", "收费通知", "缴纳费用", "不再处理其政府信息公开申请");

    private final EditionDefinition edition;
    private final List<Token> tokens;
    private final Regions regions;
    private final CellBook book;
    private final boolean invisibleBlanks;
    /** Whether positions place numbers in columns, judged once from Table 2's rows (null until asked). */
    private Boolean columnsPlaced;

    private final boolean measuredPositions;
    private final List<TablePlace> places = new ArrayList<>();

    /**
     * @param invisibleBlanks   the source does not show empty cells (text layouts, one-line scrapes, PDF)
     * @param measuredPositions the tokens' positions are measured on the page (a PDF's text layer), not character
     *                          columns of a text: only then does a header place Table 1's numbers, which no rule
     *                          checks (a text's header may be spaced on its own, and a conversion that splits a
     *                          number in two makes a row look full and lined up)
     */
    public TableReaders(
            EditionDefinition edition,
            List<Token> tokens,
            Regions regions,
            CellBook book,
            boolean invisibleBlanks,
            boolean measuredPositions) {
        this.edition = edition;
        this.tokens = List.copyOf(tokens);
        this.regions = regions;
        this.book = book;
        this.invisibleBlanks = invisibleBlanks;
        this.measuredPositions = measuredPositions;
    }

    /** Reads every table found; returns the number of form rows found. */
    public int read() {
        return activeDisclosure() + applications() + reviews();
    }

    public List<TablePlace> places() {
        return List.copyOf(places);
    }

    private int activeDisclosure() {
        List<RowSpec> specs = new ArrayList<>();
        for (RowSpec s : RowSpec.of(edition, ACTIVE)) {
            String own = s.labels().get(0);
            specs.add(own.equals("行政规范性文件") ? s.withLabels(List.of("规范性文件")) : s);
        }
        if (specs.isEmpty() || regions.t1() < 0) {
            return 0;
        }
        List<ObservedRow> rows = ObservedRow.of(tokens, regions.t1(), regions.t1End());
        // each printed row belongs to the form row whose label it prints last (right before its numbers)
        List<ObservedRow> matched = new ArrayList<>();
        double[][] scores = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            scores[i] = RowAlignment.ownScores(specs, rows.get(i).label());
        }
        Set<Integer> used = new HashSet<>();
        int found = 0;
        for (int j = 0; j < specs.size(); j++) {
            int best = -1;
            double bestScore = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (!used.contains(i) && scores[i][j] > bestScore + 1e-9) {
                    best = i;
                    bestScore = scores[i][j];
                }
            }
            if (best >= 0 && bestScore >= 0.7) {
                used.add(best);
                matched.add(rows.get(best));
                found++;
            } else {
                matched.add(null);
            }
        }
        place(ACTIVE, matched);
        // a row printed without any number is not stated (null), not a row of zeros
        List<RowSpec> printed = new ArrayList<>();
        List<ObservedRow> printedRows = new ArrayList<>();
        for (int s = 0; s < specs.size(); s++) {
            ObservedRow row = matched.get(s);
            if (row != null && row.numbers() == 0) {
                for (CellSpec c : specs.get(s).cells()) {
                    book.unknown(c.key(), Unknown.NOT_FOUND, List.of(), "the row is printed without numbers");
                }
                book.note(
                        ReadNote.BLANK_ROW,
                        specs.get(s).cellKeys(),
                        "Table 1 row " + specs.get(s).key() + " printed without any number: not stated");
                continue;
            }
            printed.add(specs.get(s));
            printedRows.add(row);
        }
        // Table 1 has no sums: each block (rows sharing their columns) is its own small table, its columns placed
        // by the block's own header where a layout has positions
        int from = regions.t1();
        for (int b = 0; b < printed.size(); ) {
            int end = b + 1;
            while (end < printed.size()
                    && columnLabels(printed.subList(end, end + 1)).equals(columnLabels(printed.subList(b, b + 1)))) {
                end++;
            }
            int firstValue = -1;
            for (int r = b; r < end && firstValue < 0; r++) {
                firstValue =
                        printedRows.get(r) == null ? -1 : printedRows.get(r).first();
            }
            java.util.Map<Integer, double[]> header = measuredPositions && from >= 0 && from <= firstValue
                    ? ColumnModel.headerCenters(
                            tokens.subList(from, firstValue), columnLabels(printed.subList(b, b + 1)))
                    : java.util.Map.of();
            new TableReader(book, invisibleBlanks, columnsPlaced())
                    .read(
                            printed.subList(b, end),
                            printedRows.subList(b, end),
                            List.of(),
                            "Table 1",
                            java.util.Map.of(),
                            header);
            for (int r = b; r < end; r++) {
                ObservedRow row = printedRows.get(r);
                from = row == null
                        ? from
                        : Math.max(from, row.first() + row.values().size());
            }
            b = end;
        }
        return found;
    }

    private int applications() {
        if (regions.t2() < 0) {
            return 0;
        }
        List<ObservedRow> rows = ObservedRow.of(tokens, regions.t2(), regions.t2End());
        boolean subRows = subRowsPrinted();
        List<RowSpec> specs = new ArrayList<>();
        boolean hasSubRows = edition.hasCell(APPLICATIONS + ".otherDisposal.noCorrection.total");
        for (RowSpec s : RowSpec.of(edition, APPLICATIONS)) {
            if (hasSubRows && !subRows && s.key().startsWith(APPLICATIONS + ".otherDisposal.")) {
                if (s.key().endsWith(".other")) {
                    specs.add(s.withOnlyLabels(List.of("六其他处理", "其他处理")));
                }
                continue;
            }
            specs.add(s);
        }
        if (invisibleBlanks) {
            rows = RowAlignment.withLabelOnlyRows(
                    specs, rows, labelsAfterLastNumber(regions.t2(), regions.t2End()) + textBeforeTable3Heading());
        }
        int[] match = RowAlignment.align(specs, rows, invisibleBlanks);
        boolean[] uncertain = RowAlignment.enforceOrder(specs, rows, match, invisibleBlanks);
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
        place(APPLICATIONS, matched);
        java.util.Map<Integer, double[]> header =
                ColumnModel.headerCenters(tokens.subList(regions.t2(), firstValue(matched)), columnLabels(specs));
        new TableReader(book, invisibleBlanks, columnsPlaced())
                .read(specs, matched, equations(specs), "Table 2", why, header);
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

    /** The compact labels of the applicant columns (自然人, 商业企业 …), from the edition's column set. */
    private static List<String> columnLabels(List<RowSpec> specs) {
        return specs.get(0).cells().stream().map(CellSpec::column).toList();
    }

    /** The label text of a region after its last number (compact). */
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

    private int reviews() {
        List<RowSpec> groups = RowSpec.of(edition, REVIEWS);
        if (regions.t3() < 0 || groups.isEmpty()) {
            return 0;
        }
        List<Token> values = new ArrayList<>();
        List<Integer> at = new ArrayList<>(); // where each value is in the tokens
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
        if (leading > 0 && values.size() - leading == cells.size() && headerPadding(at.get(0), at.get(leading))) {
            values.subList(0, leading).clear();
            at.subList(0, leading).clear();
            first = at.get(0);
        }
        // the fifteen numbers are one printed row (or three, read in the same order)
        RowSpec all = new RowSpec(REVIEWS, List.of("行政复议"), cells);
        ObservedRow row = new ObservedRow("", "", values, first);
        List<ObservedRow> matched = List.of(row);
        place(REVIEWS, matched);
        java.util.Map<Integer, double[]> header =
                ColumnModel.headerCenters(tokens.subList(regions.t3(), first), columnLabels(List.of(all)));
        new TableReader(book, invisibleBlanks, columnsPlaced())
                .read(List.of(all), matched, equations(List.of(all)), "Table 3", java.util.Map.of(), header);
        return groups.size();
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
        places.add(new TablePlace(
                REVIEWS,
                tokens.get(regions.t3()).page() > 0 ? tokens.get(regions.t3()).page() : null));
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

    private List<Equation> equations(List<RowSpec> specs) {
        Set<String> present = new LinkedHashSet<>();
        for (RowSpec s : specs) {
            present.addAll(s.cellKeys());
        }
        return Equation.of(edition, present);
    }

    private void place(String section, List<ObservedRow> matched) {
        for (ObservedRow r : matched) {
            if (r != null) {
                places.add(new TablePlace(section, r.page() > 0 ? r.page() : null));
                return;
            }
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? "…" + s.substring(s.length() - 40) : s;
    }

    /**
     * Whether the layout's positions can place numbers in columns: not in a text whose Table 2 rows print their
     * numbers where their labels end ({@link ColumnModel#followLabels}) — a table copied with gaps between its cells,
     * whose empty cells are gone.
     */
    private boolean columnsPlaced() {
        if (columnsPlaced == null) {
            columnsPlaced = regions.t2() < 0
                    || !ColumnModel.followLabels(
                            ObservedRow.of(tokens, regions.t2(), regions.t2End()),
                            RowSpec.of(edition, APPLICATIONS).get(0).cells().size());
        }
        return columnsPlaced;
    }
}
