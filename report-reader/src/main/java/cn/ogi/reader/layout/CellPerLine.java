package cn.ogi.reader.layout;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Texts taken from a table cell by cell — {@code pdftotext} without {@code -layout}, a scrape that ends every cell
 * with a line break — print a row as its label on one line and each of its numbers on a line of its own. Read line
 * by line, every number would be a row of its own. Where a text has such runs of lines holding one number each
 * (several runs of at least {@value #RUN} lines, or one where no line prints numbers side by side — a sparse table,
 * mostly blank), a run of two or more belongs to the line before it: the row's label.
 * A single number on its own line stays as it is (a detached label's row, read as today). Where every such cell is
 * followed by an empty line, each further empty line is an empty cell ({@link #emptyLineAfterEveryCell}).
 */
final class CellPerLine {

    /** A line holding one number (signed: 本年增/减; a unit or counting word allowed) or a visibly empty cell, and nothing else. */
    private static final Pattern VALUE =
            Pattern.compile("[+\\-－]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?\\s*(?:万元|元|件|条|个|项|次)?|[-—–－/／无]|——|--");

    /** Runs at least this long mark a text taken cell by cell ... */
    private static final int RUN = 2;
    /** ... when there are at least this many of them. */
    private static final int RUNS = 3;

    /** The fewest cells joined to rows that show whether every cell is followed by an empty line. */
    private static final int SHOWN_EVIDENCE = 10;

    /** The most empty lines before a row's label in a text that ends every cell with one. */
    private static final int MAX_LABEL_GAP = 2;

    private CellPerLine() {}

    /** For each line: whether it is a cell of the row on the line before it (empty lines skipped). */
    static boolean[] joinedToRow(List<String> lines) {
        int n = lines.size();
        boolean[] value = new boolean[n];
        for (int i = 0; i < n; i++) {
            value[i] = VALUE.matcher(lines.get(i).strip()).matches();
        }
        boolean[] joined = new boolean[n];
        int longRuns = 0;
        int i = 0;
        while (i < n) {
            if (!value[i]) {
                i++;
                continue;
            }
            int end = runEnd(lines, value, i);
            longRuns += count(value, i, end) >= RUN ? 1 : 0;
            i = end;
        }
        if (longRuns < RUNS && (longRuns == 0 || numbersSideBySide(lines))) {
            return joined;
        }
        int row = -1; // the last line with text that is not a value
        i = 0;
        while (i < n) {
            if (!value[i]) {
                if (!lines.get(i).isBlank()) {
                    row = i;
                }
                i++;
                continue;
            }
            int end = runEnd(lines, value, i);
            if (row >= 0 && count(value, i, end) >= 2) {
                for (int k = i; k < end; k++) {
                    joined[k] = value[k];
                }
            }
            i = end;
        }
        return joined;
    }

    /**
     * Does the text end every cell with an empty line, so that an empty cell shows as one more empty line? A scrape
     * that makes each table cell a paragraph prints {@code 228}, an empty line, {@code 0}, two empty lines (a blank
     * cell between), {@code 9}: then every cell joined to a row stands at least one empty line after the line before
     * it, many exactly one, and the rows' labels mostly at most {@value #MAX_LABEL_GAP}. {@code pdftotext} without
     * {@code -layout} prints an empty cell as nothing and its cells mostly on consecutive lines: not such a text.
     */
    static boolean emptyLineAfterEveryCell(List<String> lines, boolean[] joined) {
        int cells = 0;
        int single = 0;
        int labels = 0;
        int wideLabels = 0;
        int rightAfterACell = 0;
        for (int i = 0; i < lines.size(); i++) {
            boolean text = !joined[i] && !lines.get(i).isBlank();
            rightAfterACell +=
                    text && i >= 2 && joined[i - 2] && lines.get(i - 1).isBlank() ? 1 : 0;
            if (!joined[i]) {
                continue;
            }
            int gap = emptyLinesBefore(lines, i);
            if (gap == 0) {
                return false;
            }
            cells++;
            single += gap == 1 ? 1 : 0;
            int label = i - gap - 1;
            if (label >= 0 && !joined[label]) {
                labels++;
                int labelGap = emptyLinesBefore(lines, label);
                wideLabels += labelGap > MAX_LABEL_GAP ? 1 : 0;
            }
        }
        // the rows' labels are cells too, one empty line after the cell before (two after a label spanning rows,
        // printed only where it starts): wider gaps before most labels are a scrape's own row breaks, and then the
        // empty lines before a row's first number may be the same — unless many labels stand one empty line after
        // the last cell of the row before: no row break there, and the wider gaps are rows ending in blank cells
        return cells >= SHOWN_EVIDENCE
                && single >= SHOWN_EVIDENCE / 2
                && (2 * wideLabels < labels || rightAfterACell >= SHOWN_EVIDENCE / 2);
    }

    /**
     * In a text that ends every cell with an empty line ({@link #emptyLineAfterEveryCell}), a number on a line of its
     * own right after a row's label, an empty line or more before and after it, is that row's only printed cell
     * ({@code 行政规范性文件}, an empty line, {@code 65}, three empty lines: 65 and two blank cells), as the runs of
     * two or more are: {@code joined} with those lines joined too (none where no run was joined: not a text taken
     * cell by cell). Whether the text is one that ends every cell so is told with them.
     */
    static boolean[] withLoneCells(List<String> lines, boolean[] joined) {
        boolean[] out = joined.clone();
        if (count(joined, 0, joined.length) == 0) {
            return out; // not a text taken cell by cell
        }
        for (int i = 0; i < lines.size(); i++) {
            if (joined[i] || !VALUE.matcher(lines.get(i).strip()).matches()) {
                continue;
            }
            int gap = emptyLinesBefore(lines, i);
            int label = i - gap - 1;
            boolean afterLabel = label >= 0
                    && !joined[label]
                    && !VALUE.matcher(lines.get(label).strip()).matches();
            if (gap >= 1 && afterLabel && emptyLinesAfter(lines, i) >= 1) {
                out[i] = true;
            }
        }
        return out;
    }

    /** How many empty lines stand directly before line {@code i}. */
    static int emptyLinesBefore(List<String> lines, int i) {
        int gap = 0;
        for (int k = i - 1; k >= 0 && lines.get(k).isBlank(); k--) {
            gap++;
        }
        return gap;
    }

    /** How many empty lines stand directly after line {@code i} (none counted at the text's end). */
    static int emptyLinesAfter(List<String> lines, int i) {
        int gap = 0;
        for (int k = i + 1; k < lines.size(); k++) {
            if (!lines.get(k).isBlank()) {
                return gap;
            }
            gap++;
        }
        return 0;
    }

    /** Two numbers with only spaces between them (a row's cells side by side). */
    private static final Pattern SIDE_BY_SIDE = Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+)?[ \\t\\u3000]+[+\\-－]?\\d");

    /**
     * Does some line print numbers side by side? A text taken cell by cell never does; in one that does, a run of
     * lines holding one number each may be rows of their own (a sparse table whose labels wrapped).
     */
    private static boolean numbersSideBySide(List<String> lines) {
        for (String line : lines) {
            if (SIDE_BY_SIDE.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    /** Where the run of value lines starting at {@code start} ends (empty lines inside it belong to it). */
    private static int runEnd(List<String> lines, boolean[] value, int start) {
        int end = start;
        int k = start;
        while (k < lines.size() && (value[k] || lines.get(k).isBlank())) {
            if (value[k]) {
                end = k + 1;
            }
            k++;
        }
        return end;
    }

    private static int count(boolean[] value, int from, int to) {
        int c = 0;
        for (int k = from; k < to; k++) {
            c += value[k] ? 1 : 0;
        }
        return c;
    }
}
