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

    private static final Pattern UNITS = Pattern.compile("亿元|万元|元|万");
    /** Counting words printed right after a count ("3件"): part of the number, not a label of their own. */
    private static final Pattern COUNT_WORDS = Pattern.compile("件|项|个|次|条|宗|起|份");

    private static final Pattern OCR_LONE_ZERO = Pattern.compile("[Oo]");
    /** Longer digit runs are not numbers of a report (garbage, identifiers). */
    private static final int MAX_DIGITS = 60;

    private static final Pattern NUMBERED_HEADING = Pattern.compile("(\\p{IsHan}{1,8})(\\d{1,2})");

    private Tokenizer() {}

    public static List<Token> tokens(Layout layout) {
        List<Token> out = new ArrayList<>();
        List<Line> lines = layout.lines();
        for (int li = 0; li < lines.size(); li++) {
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
            out.add(value(Token.Type.TRAILING, "", line, page, p.x0(), p.x1(), true));
            return;
        }
        if (p.kind() == Piece.Kind.MERGED) {
            out.add(value(Token.Type.MERGED, "", line, page, p.x0(), p.x1(), true));
            return;
        }
        String text = p.text().strip();
        if (isBlankMark(text) && (p.kind() == Piece.Kind.CELL || !text.isEmpty())) {
            out.add(value(Token.Type.BLANK, "", line, page, p.x0(), p.x1(), p.kind() == Piece.Kind.CELL));
            return;
        }
        if (p.kind() == Piece.Kind.CELL && OCR_LONE_ZERO.matcher(text).matches()) {
            text = "0"; // a cell holding only an O: OCR read a zero as a letter
        }
        int before = out.size();
        scan(cn.ogi.reader.text.Normalizer.ocrDigits(text), p, line, page, out, headings);
        if (out.size() == before + 1 && out.get(before).type() == Token.Type.NUMBER) {
            out.set(before, out.get(before).asAlone());
        }
    }

    /** Visibly empty cells: nothing, dashes, a slash, 无. */
    static boolean isBlankMark(String t) {
        return t.isEmpty()
                || t.equals("-")
                || t.equals("—")
                || t.equals("——")
                || t.equals("–")
                || t.equals("--")
                || t.equals("－")
                || t.equals("/")
                || t.equals("／")
                || t.equals("无")
                || t.equals("\\");
    }

    private static void scan(String text, Piece p, int line, int page, List<Token> out, Set<Piece> headings) {
        int n = text.length();
        StringBuilder label = new StringBuilder();
        int labelStart = 0;
        int i = 0;
        boolean lastWasNumber = false;
        boolean onlySpacesSince = false;
        while (i < n) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                label.append(c);
                if (c != ' ') {
                    onlySpacesSince = false;
                }
                i++;
                continue;
            }
            int start = i;
            StringBuilder digits = new StringBuilder();
            int j = i;
            while (j < n) {
                char d = text.charAt(j);
                if (isDigit(d)) {
                    digits.append(d);
                    j++;
                } else if (d == ',' && thousands(text, j, digits.length())) {
                    j++;
                } else {
                    break;
                }
            }
            String fraction = "";
            if (j + 1 < n && (text.charAt(j) == '.' || text.charAt(j) == '．') && isDigit(text.charAt(j + 1))) {
                int k = j + 1;
                while (k < n && isDigit(text.charAt(k))) {
                    k++;
                }
                fraction = text.substring(j + 1, k);
                j = k;
            }
            char next = j < n ? text.charAt(j) : 0;
            char prev = start > 0 ? text.charAt(start - 1) : 0;
            boolean item = fraction.isEmpty()
                    && (next == '.' || next == '、' || next == '．')
                    && j + 1 < n
                    && !isDigit(text.charAt(j + 1));
            if (item && digits.length() > 1) {
                // the row's numbers run into the next item number: "…政府信息70000072.没有现成…"
                digits.setLength(digits.length() - 1);
                j--;
                item = false;
            }
            if (item || textual(prev, next) || digits.length() > MAX_DIGITS || headings.contains(p)) {
                label.append(text, start, j);
                onlySpacesSince = false;
                i = j;
                continue;
            }
            String unit = null;
            int u = j;
            while (u < n && text.charAt(u) == ' ') {
                u++;
            }
            Matcher um = UNITS.matcher(text).region(u, n);
            if (um.lookingAt()) {
                unit = um.group();
                j = um.end();
            }
            boolean approximate = false;
            if (unit == null && fraction.isEmpty()) {
                Matcher cw = COUNT_WORDS.matcher(text).region(j, n);
                if (cw.lookingAt()) {
                    j = cw.end();
                }
            }
            if (j < n && (text.charAt(j) == '余' || text.charAt(j) == '多')) {
                approximate = true;
                j++;
                if (unit == null) {
                    Matcher um2 = UNITS.matcher(text).region(j, n);
                    if (um2.lookingAt()) {
                        unit = um2.group();
                        j = um2.end();
                    }
                }
            }
            boolean negative = false;
            String pending = label.toString();
            String trimmed = pending.stripTrailing();
            if (trimmed.endsWith("-") || trimmed.endsWith("－") || trimmed.endsWith("−")) {
                char before = trimmed.length() >= 2 ? trimmed.charAt(trimmed.length() - 2) : ' ';
                if (!Character.isLetterOrDigit(before)) {
                    negative = true;
                    pending = trimmed.substring(0, trimmed.length() - 1);
                }
            }
            if (pending.endsWith("约") || pending.endsWith("近") || pending.endsWith("逾")) {
                approximate = true;
                pending = pending.substring(0, pending.length() - 1);
            }
            boolean weak = lastWasNumber && onlySpacesSince && pending.isBlank() && !pending.isEmpty();
            emitLabel(pending, line, page, position(p, labelStart, n), position(p, start, n), out);
            label.setLength(0);
            double x0 = position(p, start, n);
            double x1 = position(p, j, n);
            out.add(new Token(
                    Token.Type.NUMBER,
                    digits.toString(),
                    fraction,
                    unit,
                    negative,
                    approximate,
                    weak,
                    line,
                    page,
                    x0,
                    x1,
                    p.kind() == Piece.Kind.CELL,
                    false));
            lastWasNumber = true;
            onlySpacesSince = true;
            i = j;
            labelStart = j;
        }
        emitLabel(label.toString(), line, page, position(p, labelStart, n), position(p, n, n), out);
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

    /** Digits that are part of the text: 2019年, 12%, 第2页, GB2260, 3月. */
    private static boolean textual(char prev, char next) {
        if ("年月日号时分秒%％‰".indexOf(next) >= 0) {
            return true;
        }
        if (isLatin(prev) || (isLatin(next) && !(next == 'O' || next == 'o'))) {
            return true;
        }
        if (prev == '第') {
            return true;
        }
        return next == '届';
    }

    private static boolean isLatin(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** A comma followed by exactly three digits (and no fourth) inside a number: {@code 1,362}. */
    private static boolean thousands(String text, int comma, int digitsSoFar) {
        if (digitsSoFar == 0) {
            return false;
        }
        for (int k = 1; k <= 3; k++) {
            if (comma + k >= text.length() || !isDigit(text.charAt(comma + k))) {
                return false;
            }
        }
        return comma + 4 >= text.length() || !isDigit(text.charAt(comma + 4));
    }

    private static void emitLabel(String text, int line, int page, double x0, double x1, List<Token> out) {
        if (Normalizer.compact(text).isEmpty()) {
            return;
        }
        out.add(new Token(
                Token.Type.LABEL, text.strip(), "", null, false, false, false, line, page, x0, x1, false, false));
    }

    private static double position(Piece p, int offset, int length) {
        if (!p.positioned() || length == 0) {
            return Double.NaN;
        }
        return p.x0() + (p.x1() - p.x0()) * offset / length;
    }

    private static Token value(Token.Type type, String text, int line, int page, double x0, double x1, boolean celled) {
        return new Token(type, text, "", null, false, false, false, line, page, x0, x1, celled, true);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
