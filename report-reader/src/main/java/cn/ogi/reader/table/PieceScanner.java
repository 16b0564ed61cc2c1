package cn.ogi.reader.table;

import cn.ogi.reader.layout.Piece;
import cn.ogi.reader.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the text of one piece into label and number tokens (see {@link Tokenizer}): a number is a run of digits
 * (thousands separators and a decimal part allowed, a unit such as 万元 or a counting word attached, a minus or 约
 * before it); digits that belong to the text stay label text.
 */
final class PieceScanner {

    private static final Pattern UNITS = Pattern.compile("亿元|万元|元|万");
    /** Counting words printed right after a count ("3件"): part of the number, not a label of their own. */
    private static final Pattern COUNT_WORDS = Pattern.compile("件|项|个|次|条|宗|起|份");
    /** Longer digit runs are not numbers of a report (garbage, identifiers). */
    private static final int MAX_DIGITS = 60;

    private final String text;
    private final int n;
    private final Piece p;
    private final int line;
    private final int page;
    private final List<Token> out;
    /** The piece is a numbered column heading ({@code 数据1}): its digits are text. */
    private final boolean heading;
    /** Per character, whether it is in a note inside the text ({@link TableNotes#inText}): its digits are text. */
    private final boolean[] note;

    private final StringBuilder label = new StringBuilder();
    private int labelStart;
    private boolean lastWasNumber;
    private boolean onlySpacesSince;
    // of the number being read
    private String unit;
    private boolean approximate;
    private boolean negative;
    private boolean minusOrMark;

    private PieceScanner(String text, Piece p, int line, int page, List<Token> out, boolean heading) {
        this.text = text;
        this.n = text.length();
        this.p = p;
        this.line = line;
        this.page = page;
        this.out = out;
        this.heading = heading;
        this.note = TableNotes.inText(text);
    }

    /** Adds the tokens of {@code text}, the text of piece {@code p}, to {@code out}. */
    static void scan(String text, Piece p, int line, int page, List<Token> out, boolean heading) {
        new PieceScanner(text, p, line, page, out, heading).run();
    }

    private void run() {
        int i = 0;
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
            i = digits(i);
        }
        emitLabel(label.toString(), line, page, position(p, labelStart, n), position(p, n, n), out);
    }

    /** The digits from {@code start}: a number, or text; returns where the text goes on after them. */
    private int digits(int start) {
        StringBuilder digits = new StringBuilder();
        int j = start;
        while (j < n) {
            char d = text.charAt(j);
            if (isDigit(d)) {
                digits.append(d);
                j++;
            } else if (d == ',' && thousands(text, j, digits.length())) {
                j++;
            } else if (d == ',' && groupRunOn(text, j, digits.length())) {
                // a thousands separator whose group runs on into the next cell's digits (…7,630,05100…, cells run
                // together): the number ends with the group, the digits after it are the next cells'
                digits.append(text, j + 1, j + 4);
                j += 4;
                break;
            } else {
                break;
            }
        }
        String fraction = "";
        // the decimal point, also when typed twice ("3..796" is read as a person reads it, 3.796: as two numbers,
        // 3 taken for an item number or either part for a cell of its own, it was read wrong)
        int point = j < n && isPoint(text.charAt(j)) ? (j + 1 < n && isPoint(text.charAt(j + 1)) ? j + 2 : j + 1) : j;
        if (point > j && point < n && isDigit(text.charAt(point))) {
            int k = point;
            while (k < n && isDigit(text.charAt(k))) {
                k++;
            }
            fraction = text.substring(point, k);
            j = k;
        }
        char next = j < n ? text.charAt(j) : 0;
        char prev = start > 0 ? text.charAt(start - 1) : 0;
        boolean item = fraction.isEmpty()
                && (next == '.' || next == '、' || next == '．' || next == ')')
                && j + 1 < n
                && !isDigit(text.charAt(j + 1));
        if (fraction.isEmpty() && bracketed(text, start, j)) {
            // an item numbered (2) or （2） (a scrape's stray space inside the brackets too: (7 )), whatever stands
            // before the bracket: its digits are the item's number
            label.append(text, start, j);
            onlySpacesSince = false;
            return j;
        }
        if (item && digits.length() > 1) {
            // the row's numbers run into the next item number: "…政府信息70000072.没有现成…"
            digits.setLength(digits.length() - 1);
            j--;
            item = false;
        }
        if (item || textual(prev, next) || digits.length() > MAX_DIGITS || heading || (note != null && note[start])) {
            label.append(text, start, j);
            onlySpacesSince = false;
            return j;
        }
        return number(start, afterNumber(j, fraction), digits.toString(), fraction);
    }

    /**
     * What follows a number's digits from {@code j}: a unit, a counting word, 余 or 多 (approximately); sets
     * {@link #unit} and {@link #approximate} and returns where the number ends.
     */
    private int afterNumber(int j, String fraction) {
        unit = null;
        int u = j;
        while (u < n && text.charAt(u) == ' ') {
            u++;
        }
        Matcher um = UNITS.matcher(text).region(u, n);
        if (um.lookingAt()) {
            unit = um.group();
            j = um.end();
        }
        approximate = false;
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
        return j;
    }

    /**
     * The label before a number without a minus printed right before it; sets {@link #negative} and
     * {@link #minusOrMark}.
     */
    private String withoutMinus(String pending) {
        negative = false;
        minusOrMark = false;
        String trimmed = pending.stripTrailing();
        // a dash right before the digits is a mark, or typed for a minus; apart from them (12 — 3) a mark
        boolean dash = trimmed.endsWith("—") && !trimmed.endsWith("——") && trimmed.length() == pending.length();
        if (!dash && !trimmed.endsWith("-") && !trimmed.endsWith("－") && !trimmed.endsWith("−")) {
            return pending;
        }
        char before = trimmed.length() >= 2 ? trimmed.charAt(trimmed.length() - 2) : ' ';
        if (Character.isLetterOrDigit(before)) {
            return pending;
        }
        negative = true;
        String rest = trimmed.substring(0, trimmed.length() - 1);
        // 行政许可--8, 5-8, 5 - 8: after other text of its piece, or apart from the digits, a dash may be the mark for
        // nothing of the cell before as well as the minus of this one; only a minus sign (−), or a hyphen that
        // starts its piece right before the digits (a cell's -8), is surely a minus
        minusOrMark = dash
                || (!trimmed.endsWith("−")
                        && (trimmed.length() != pending.length() || lastWasNumber || !rest.isBlank()));
        return rest;
    }

    /** Emits the label before it (without a minus or 约 that belongs to the number) and the number [start, j). */
    private int number(int start, int j, String digits, String fraction) {
        String pending = withoutMinus(label.toString());
        if (pending.endsWith("约") || pending.endsWith("近") || pending.endsWith("逾")) {
            approximate = true;
            pending = pending.substring(0, pending.length() - 1);
        }
        boolean weak = lastWasNumber && onlySpacesSince && pending.isBlank() && !pending.isEmpty();
        int marks = lastWasNumber ? BlankMarks.count(pending) : 0;
        for (int k = 0; k < marks; k++) { // 224无无6: marks for nothing between two numbers are blank cells
            out.add(Token.blank(line, page, position(p, labelStart, n), position(p, start, n)));
        }
        if (marks == 0) {
            emitLabel(pending, line, page, position(p, labelStart, n), position(p, start, n), out);
        }
        label.setLength(0);
        double x0 = position(p, start, n);
        double x1 = position(p, j, n);
        out.add(new Token(
                Token.Type.NUMBER,
                digits,
                fraction,
                unit,
                negative,
                minusOrMark,
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
        labelStart = j;
        return j;
    }

    /** Digits that are part of the text: 2019年, 12%, 第2页, GB2260, 3月. */
    private static boolean isPoint(char c) {
        return c == '.' || c == '．';
    }

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

    /** Whether the digits {@code [start, end)} stand between an opening and a closing bracket, spaces aside. */
    private static boolean bracketed(String text, int start, int end) {
        int before = start - 1;
        while (before >= 0 && text.charAt(before) == ' ') {
            before--;
        }
        int after = end;
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        return before >= 0
                && text.charAt(before) == '('
                && after < text.length()
                && text.charAt(after) == ')'
                && end - start <= 2;
    }

    /** A comma followed by three digits and a fourth inside a number ({@code 1,2345}): a group, then other digits. */
    private static boolean groupRunOn(String text, int comma, int digitsSoFar) {
        if (digitsSoFar == 0 || comma + 4 >= text.length()) {
            return false;
        }
        for (int k = 1; k <= 4; k++) {
            if (!isDigit(text.charAt(comma + k))) {
                return false;
            }
        }
        return true;
    }

    private static void emitLabel(String text, int line, int page, double x0, double x1, List<Token> out) {
        if (Normalizer.compact(text).isEmpty()) {
            return;
        }
        out.add(Token.label(text.strip(), line, page, x0, x1));
    }

    private static double position(Piece p, int offset, int length) {
        if (!p.positioned() || length == 0) {
            return Double.NaN;
        }
        return p.x0() + (p.x1() - p.x0()) * offset / length;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
