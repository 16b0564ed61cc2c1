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
        List<String> raws = new ArrayList<>();
        List<Integer> pages = new ArrayList<>();
        // pdftotext ends every page with a form feed; each page has its own left margin
        int page = normalized.indexOf('\f') >= 0 ? 1 : 0;
        for (String raw : normalized.split("\n", -1)) {
            if (raw.indexOf('\f') >= 0) {
                page += (int) raw.chars().filter(ch -> ch == '\f').count();
                raw = raw.replace("\f", "");
            }
            if (Footers.isPageFooter(raw)
                    || (raw.indexOf('|') >= 0 && MARKDOWN_SEPARATOR.matcher(raw).matches())) {
                continue;
            }
            raws.add(raw);
            pages.add(page);
        }
        boolean[] joined = CellPerLine.joinedToRow(raws);
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
                row.add(Piece.text(raw.strip()));
                lines.set(at, new Line(row, lines.get(at).page()));
                continue;
            }
            Line line = isPipeRow(raw) ? pipeLine(raw, form == SourceForm.MARKDOWN) : gapLine(raw);
            lines.add(new Line(line.pieces(), pages.get(i)));
        }
        return new Layout(form, lines, null);
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
            pieces.add(new Piece(raw.substring(start, end), start, end, Piece.Kind.TEXT));
        }
        return new Line(pieces, 0);
    }

    static boolean hasGap(String s) {
        return GAP.matcher(s).find();
    }
}
