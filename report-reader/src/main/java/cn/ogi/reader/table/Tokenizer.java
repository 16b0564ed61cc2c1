package cn.ogi.reader.table;

import cn.ogi.reader.layout.Layout;
import cn.ogi.reader.layout.Line;
import cn.ogi.reader.layout.Piece;
import cn.ogi.reader.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a layout into tokens: label text, numbers and empty cells, with where they are. A number is a run of
 * digits (thousands separators and a decimal part allowed, a unit such as 万元 attached); digits that belong to
 * the text — item numbers ({@code 2.没有现成信息}), years and dates ({@code 2019年}), percentages, page and article
 * numbers ({@code 第2页}), codes mixed with latin letters — stay label text. Digits printed against a label
 * ({@code 行政许可396442278}) are a number: which cells they hold is decided by the tables' readers.
 */
public final class Tokenizer {

    private static final Pattern OCR_LONE_ZERO = Pattern.compile("[Oo]");
    private static final Pattern NUMBERED_HEADING = Pattern.compile("(\\p{IsHan}{1,8})(\\d{1,2})");

    private Tokenizer() {}

    public static List<Token> tokens(Layout layout) {
        List<Token> out = new ArrayList<>();
        List<Line> lines = layout.lines();
        boolean[] notes = TableNotes.of(lines);
        for (int li = 0; li < lines.size(); li++) {
            if (notes[li]) {
                continue; // a note above or under a table: text, none of its digits a cell
            }
            Line line = lines.get(li);
            List<Token> lineTokens = new ArrayList<>();
            Set<Piece> headings = numberedHeadings(line);
            for (Piece p : line.pieces()) {
                piece(p, li, line.page(), lineTokens, headings);
            }
            out.addAll(tidy(lineTokens));
        }
        return out;
    }

    private static void piece(Piece p, int line, int page, List<Token> out, Set<Piece> headings) {
        if (p.kind() == Piece.Kind.EDGE) {
            out.add(Token.value(Token.Type.TRAILING, "", line, page, p.x0(), p.x1(), true));
            return;
        }
        if (p.kind() == Piece.Kind.MERGED) {
            out.add(Token.value(Token.Type.MERGED, "", line, page, p.x0(), p.x1(), true));
            return;
        }
        String text = p.text().strip();
        if (isBlankMark(text) && (p.kind() == Piece.Kind.CELL || !text.isEmpty())) {
            out.add(Token.value(Token.Type.BLANK, "", line, page, p.x0(), p.x1(), p.kind() == Piece.Kind.CELL));
            return;
        }
        if (p.kind() == Piece.Kind.CELL && OCR_LONE_ZERO.matcher(text).matches()) {
            text = "0"; // a cell holding only an O: OCR read a zero as a letter
        }
        int before = out.size();
        PieceScanner.scan(Normalizer.ocrDigits(text), p, line, page, out, headings.contains(p));
        if (out.size() == before + 1 && out.get(before).type() == Token.Type.NUMBER) {
            out.set(before, out.get(before).asAlone());
        }
    }

    /** Visibly empty cells: nothing, dashes, a slash, 无. */
    static boolean isBlankMark(String t) {
        return t.isEmpty() || BlankMarks.isMark(t);
    }

    /**
     * The cells of a line that number one word ({@code 数据1 | 数据2 | 数据3}: a conversion's column headers): headings,
     * not values. A single cell of digits glued to a word ({@code 规章000}) is a row run together with its label.
     */
    private static Set<Piece> numberedHeadings(Line line) {
        Map<String, Set<String>> numbersOf = new HashMap<>();
        for (Piece p : line.pieces()) {
            Matcher m = NUMBERED_HEADING.matcher(p.text().strip());
            if (p.kind() == Piece.Kind.CELL && m.matches()) {
                numbersOf.computeIfAbsent(m.group(1), w -> new HashSet<>()).add(m.group(2));
            }
        }
        Set<Piece> headings = new HashSet<>();
        for (Piece p : line.pieces()) {
            Matcher m = NUMBERED_HEADING.matcher(p.text().strip());
            if (p.kind() == Piece.Kind.CELL
                    && m.matches()
                    && numbersOf.get(m.group(1)).size() >= 2) {
                headings.add(p);
            }
        }
        return headings;
    }

    /**
     * Per line: empty cells before the row's label are the label column's, not blank numbers; empty cells after
     * the last number may be padding of the scrape ({@code ||}) and become {@link Token.Type#TRAILING}.
     */
    private static List<Token> tidy(List<Token> line) {
        int firstNumber = -1;
        int lastNumber = -1;
        for (int i = 0; i < line.size(); i++) {
            if (line.get(i).type() == Token.Type.NUMBER) {
                if (firstNumber < 0) {
                    firstNumber = i;
                }
                lastNumber = i;
            }
        }
        int lastLabelBeforeNumbers = -1;
        for (int i = 0; i < line.size() && (firstNumber < 0 || i < firstNumber); i++) {
            if (line.get(i).type() == Token.Type.LABEL) {
                lastLabelBeforeNumbers = i;
            }
        }
        List<Token> out = new ArrayList<>(line.size());
        for (int i = 0; i < line.size(); i++) {
            Token t = line.get(i);
            if (t.type() == Token.Type.TRAILING && i < lastLabelBeforeNumbers) {
                continue; // a border before the row's label
            }
            if (t.type() == Token.Type.BLANK) {
                if (i < lastLabelBeforeNumbers) {
                    continue;
                }
                boolean labelAfter = false;
                for (int k = i + 1; k < line.size(); k++) {
                    if (line.get(k).type() == Token.Type.LABEL) {
                        labelAfter = true;
                        break;
                    }
                    if (line.get(k).type() == Token.Type.NUMBER) {
                        break;
                    }
                }
                // empty cells just before the next row's label: the row's blank cells, or the scrape's padding
                // where one row's closing pipe meets the next row's opening one (rows run onto one line)
                if ((i > lastNumber && !labelAfter) || (labelAfter && i > firstNumber && firstNumber >= 0)) {
                    t = t.withType(Token.Type.TRAILING);
                }
            }
            out.add(t);
        }
        return out;
    }
}
