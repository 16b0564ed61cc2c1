package cn.ogi.reader.layout;

import cn.ogi.reader.SourceForm;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lays out a plain text (a scrape on one line, a pdftotext layout, pipe scrapes, Markdown): a line with pipes
 * becomes a row of cells, any other line is cut into pieces at runs of two or more spaces, each placed at its
 * character column (pdftotext puts every character in a column of its own, so columns line up across lines).
 */
public final class TextLayout {

    private static final Pattern MARKDOWN_SEPARATOR =
            Pattern.compile("\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*");
    private static final Pattern GAP = Pattern.compile(" {2,}");

    private TextLayout() {}

    /** A Markdown separator inside a longer line: {@code |---|---|}, three dashes at least in each of two cells. */
    private static final Pattern EMBEDDED_SEPARATOR = Pattern.compile("\\|(?:[ \\t]*:?-{3,}:?[ \\t]*\\|){2,}");

    /** The counting word or unit a number in a table cell may carry ({@code 12件}, {@code 3.5万元}), or none. */
    static final String COUNTED = "(?:[件个项条次]|万?元)?";

    /** What a table cell holding a number (perhaps with its counting word or unit: 12件, 3.5万元) or nothing looks like. */
    private static final Pattern CELL_TEXT = Pattern.compile("[\\s\\d.,，%％()（）\\-—–/／无]*" + COUNTED + "\\s*");

    /**
     * A Markdown conversion whose line breaks were lost (stored or scraped as one line, {@code … | 总计 | |---|---|
     * | 27 | 61 | ### 行政诉讼 …}) gets its rows back: each separator's cell count is the table's width, so the
     * header row before it and the rows after it (pipes on both sides, as a Markdown table prints them) are cut
     * where one row's closing pipe meets the next row's opening pipe. Lines without such a separator stay as they
     * are, and so does a table whose rows do not have the separator's width.
     */
    public static String withMarkdownRows(String normalized) {
        if (normalized.indexOf("---") < 0) {
            return normalized;
        }
        StringBuilder out = new StringBuilder(normalized.length() + 64);
        for (String line : normalized.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(
                    line.indexOf('|') >= 0 && !MARKDOWN_SEPARATOR.matcher(line).matches() ? rowsOf(line) : line);
        }
        return out.toString();
    }

    private static String rowsOf(String line) {
        java.util.regex.Matcher m = EMBEDDED_SEPARATOR.matcher(line);
        List<int[]> rows = new ArrayList<>(); // [start, end) of every header, separator and row restored
        int taken = 0;
        while (m.find()) {
            List<int[]> table = table(line, m);
            // a table is restored only where its edges are unmistakable: text (a heading, a sentence) or nothing
            // before its header and after its last row — a number or an empty cell there means a row of another
            // width (a conversion that broke its table into pieces) would be cut in the middle
            if (table != null
                    && table.get(0)[0] >= taken
                    && !cellBefore(line, table.get(0)[0])
                    && !cellAfter(line, table.get(table.size() - 1)[1])) {
                rows.addAll(table);
                taken = table.get(table.size() - 1)[1];
            }
        }
        if (rows.isEmpty()) {
            return line;
        }
        StringBuilder sb = new StringBuilder(line.length() + 2 * rows.size());
        int from = 0;
        for (int[] r : rows) {
            sb.append(line, from, r[0]).append('\n').append(line, r[0], r[1]).append('\n');
            from = r[1];
        }
        return sb.append(line, from, line.length()).toString();
    }

    /** The header, separator and rows of the table whose separator {@code m} found, or null. */
    private static List<int[]> table(String line, java.util.regex.Matcher m) {
        int width = (int) m.group().chars().filter(c -> c == '|').count() - 1;
        int headerEnd = previousPipe(line, m.start());
        int headerStart = headerEnd < 0 ? -1 : nthPipeBefore(line, headerEnd, width);
        if (headerStart < 0) {
            return null;
        }
        List<int[]> out = new ArrayList<>();
        out.add(new int[] {headerStart, headerEnd + 1});
        out.add(new int[] {m.start(), m.end()});
        int at = m.end();
        while (true) {
            int open = nextNonBlank(line, at);
            if (open >= line.length() || line.charAt(open) != '|') {
                return out;
            }
            int close = nthPipeAfter(line, open, width);
            if (close < 0) {
                return null;
            }
            int next = nextNonBlank(line, close + 1);
            if (EMBEDDED_SEPARATOR.matcher(line).region(next, line.length()).lookingAt()) {
                return null; // the row is the next table's header: the two tables touch, where they meet is unsure
            }
            out.add(new int[] {open, close + 1});
            at = close + 1;
        }
    }

    /** Is the text between the previous pipe and {@code at} a cell's (a number, a blank), not a heading? */
    private static boolean cellBefore(String line, int at) {
        int pipe = line.lastIndexOf('|', at - 1);
        return pipe >= 0 && CELL_TEXT.matcher(line.substring(pipe + 1, at)).matches();
    }

    /** Is the text between {@code at} and the next pipe a cell's? */
    private static boolean cellAfter(String line, int at) {
        int pipe = line.indexOf('|', at);
        return pipe >= 0 && CELL_TEXT.matcher(line.substring(at, pipe)).matches();
    }

    /** The pipe closing the row just before {@code at} (only blanks between), or -1. */
    private static int previousPipe(String line, int at) {
        int i = at - 1;
        while (i >= 0 && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i--;
        }
        return i >= 0 && line.charAt(i) == '|' ? i : -1;
    }

    private static int nthPipeBefore(String line, int pipe, int n) {
        int found = 0;
        for (int i = pipe - 1; i >= 0; i--) {
            if (line.charAt(i) == '|' && ++found == n) {
                return i;
            }
        }
        return -1;
    }

    private static int nthPipeAfter(String line, int pipe, int n) {
        int found = 0;
        for (int i = pipe + 1; i < line.length(); i++) {
            if (line.charAt(i) == '|' && ++found == n) {
                return i;
            }
        }
        return -1;
    }

    private static int nextNonBlank(String line, int at) {
        int i = at;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** True when the text has Markdown table separator lines ({@code |---|---|}). */
    public static boolean isMarkdown(String normalized) {
        int separators = 0;
        for (String line : normalized.split("\n", -1)) {
            if (line.indexOf('|') >= 0 && MARKDOWN_SEPARATOR.matcher(line).matches()) {
                separators++;
            }
        }
        return separators >= 1;
    }

    public static Layout of(String normalized, SourceForm form) {
        PageLines text = PageLines.of(normalized, MARKDOWN_SEPARATOR);
        List<String> raws = text.lines();
        List<Integer> pages = text.pages();
        boolean[] runs = CellPerLine.joinedToRow(raws);
        boolean[] withLone = CellPerLine.withLoneCells(raws, runs);
        boolean emptyCellsShown = CellPerLine.emptyLineAfterEveryCell(raws, withLone);
        boolean[] joined = emptyCellsShown ? withLone : runs;
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            String raw = raws.get(i);
            if (joined[i]) {
                // a cell printed on a line of its own (text taken cell by cell): the row's, on the row's line
                int at = lines.size() - 1;
                while (lines.get(at).pieces().isEmpty()) {
                    at--; // the empty lines between the cells
                }
                List<Piece> row = new ArrayList<>(lines.get(at).pieces());
                if (emptyCellsShown) {
                    shownCell(raws, joined, i, row);
                } else {
                    row.add(Piece.text(raw.strip()));
                }
                lines.set(at, new Line(row, lines.get(at).page()));
                continue;
            }
            Line line = isPipeRow(raw) ? pipeLine(raw, form == SourceForm.MARKDOWN) : gapLine(raw);
            lines.add(new Line(line.pieces(), pages.get(i)));
        }
        return new Layout(form, lines, null);
    }

    /**
     * A cell of a text that ends every cell with an empty line: each further empty line before it is an empty cell
     * (after the row's label or between two of its cells); after the row's last cell, where the next row's label
     * may have empty cells of its own before it (a label spanning rows printed only where it starts), an empty cell
     * at the row's end, a cell only where the row needs one.
     */
    private static void shownCell(List<String> raws, boolean[] joined, int i, List<Piece> row) {
        int before = CellPerLine.emptyLinesBefore(raws, i);
        for (int g = 1; g < before; g++) {
            row.add(Piece.cell(""));
        }
        row.add(Piece.cell(raws.get(i).strip()));
        int after = CellPerLine.emptyLinesAfter(raws, i);
        boolean last = i + after + 1 >= raws.size() || !joined[i + after + 1];
        for (int g = 1; last && g < after; g++) {
            row.add(new Piece("", Double.NaN, Double.NaN, Piece.Kind.EDGE));
        }
    }

    private static boolean isPipeRow(String line) {
        int pipes = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '|') {
                pipes++;
            }
        }
        return pipes >= 1 && line.strip().length() > 1;
    }

    /**
     * A Markdown row has pipes on both sides ({@code | a | b |}); a scrape's row ends each cell with one
     * ({@code a | b |}), so a pipe it starts with follows an empty first cell.
     */
    private static Line pipeLine(String raw, boolean markdown) {
        String t = raw.strip();
        if (t.startsWith("|") && markdown) {
            t = t.substring(1);
        }
        if (t.endsWith("|")) {
            t = t.substring(0, t.length() - 1);
        }
        List<Piece> pieces = new ArrayList<>();
        for (String cell : t.split("\\|", -1)) {
            boolean edge = pieces.isEmpty() && cell.isBlank() && !markdown;
            pieces.add(edge ? new Piece("", Double.NaN, Double.NaN, Piece.Kind.EDGE) : Piece.cell(cell.strip()));
        }
        return new Line(pieces, 0);
    }

    private static Line gapLine(String raw) {
        List<Piece> pieces = new ArrayList<>();
        int n = raw.length();
        int i = 0;
        while (i < n) {
            while (i < n && raw.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            int end = i;
            // a piece runs until a gap of two or more spaces
            while (i < n) {
                if (raw.charAt(i) == ' ') {
                    int j = i;
                    while (j < n && raw.charAt(j) == ' ') {
                        j++;
                    }
                    if (j - i >= 2 || j >= n) {
                        break;
                    }
                    i = j;
                } else {
                    i++;
                    end = i;
                }
            }
            pieces.add(new Piece(SpacedLetters.compacted(raw.substring(start, end)), start, end, Piece.Kind.TEXT));
        }
        return new Line(pieces, 0);
    }

    static boolean hasGap(String s) {
        return GAP.matcher(s).find();
    }
}
