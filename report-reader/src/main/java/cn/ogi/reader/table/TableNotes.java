package cn.ogi.reader.table;

import cn.ogi.reader.layout.Line;
import cn.ogi.reader.layout.Piece;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notes printed above or under a table — {@code 注：本表数据统计时间为2023年1月1日至2023年12月31日。}, {@code （单位：件）},
 * {@code 单位：万元}, {@code 注：“其他”包括…3件} — are text: their digits (a date, a count named in the note) are no
 * cells. A note starts a line with 注, 备注, 说明 or 单位 and a colon, and goes on over the lines it wraps onto: lines
 * of one piece of text, up to its sentence's end, that do not start a heading or a row item. A line that holds a
 * heading or a cell border too is more than a note (a page whose line breaks were lost) and is read as before.
 * There — a one-line scrape, a Markdown conversion on one line — a note is the run of text that starts with the same
 * words and a colon and ends at its sentence's end ({@code 。}) or where the next heading starts; its digits are
 * text ({@link #inText}). A unit note there ({@code 单位：件}) has no digits to take.
 */
@SuppressWarnings("StringConcatToTextBlock") // the check crashes on this file's patterns (Error Prone 2.42)
final class TableNotes {

    private static final Pattern NOTE = Pattern.compile("^[(（]?\\s*(?:注|备注|说明|单位)\\s*[：:].*");
    /** What a line a note cannot wrap onto starts with: a heading or item number, or 第二十条. */
    private static final Pattern NOT_WRAPPED =
            Pattern.compile("^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\\d]+[)）]|\\d+[、.．]|第).*");
    /** How a note's text ends: a full stop, or the bracket of a unit note. */
    private static final Pattern ENDED = Pattern.compile(".*[。．.；;)）]\\s*$");
    /** A heading or a table's cell in a note's line: the line is more than a note (a text whose lines were lost). */
    private static final Pattern MORE_THAN_A_NOTE = Pattern.compile("[一二三四五六七八九十]+、|\\|");
    /** A longer line is more than a note (a scrape's whole page on one line that a note starts). */
    private static final int MAX_NOTE = 120;
    /** Where a note starts inside a longer text (not 关注：, 标注：: words of the text). */
    private static final Pattern NOTE_IN_TEXT = Pattern.compile("(?:备注|附注|(?<![关标批投专贯])注|说明)\\s*[：:]");
    /** A count in a note's text: digits not of a date, a time or a percentage. */
    private static final Pattern COUNT_IN_TEXT = Pattern.compile("\\d+(?![\\d年月日号时分秒%％])");
    /** Where a note inside a longer text ends: its sentence's end (kept) or a heading (not kept). */
    private static final Pattern END_IN_TEXT =
            Pattern.compile("[。；;]|(?=[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）])");
    /**
     * A note inside a longer text that has not ended within this many characters, or that holds more than one count,
     * is not told apart: it may have taken a table's numbers with it.
     */
    private static final int MAX_IN_TEXT = 80;
    /** A note wraps onto at most this many lines more. */
    private static final int MAX_WRAPPED = 3;

    private TableNotes() {}

    /** For each line of the layout, whether it is (part of) a note. */
    static boolean[] of(List<Line> lines) {
        boolean[] note = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).text().strip();
            if (line.length() > MAX_NOTE
                    || !NOTE.matcher(line).matches()
                    || MORE_THAN_A_NOTE.matcher(line).find()) {
                continue;
            }
            note[i] = true;
            String text = lines.get(i).text();
            for (int k = 1; k <= MAX_WRAPPED && i + 1 < lines.size() && wrapsOnto(text, lines.get(i + 1)); k++) {
                i++;
                note[i] = true;
                text = lines.get(i).text();
            }
        }
        return note;
    }

    private static boolean wrapsOnto(String noteSoFar, Line next) {
        if (ENDED.matcher(noteSoFar).matches()
                || next.pieces().size() != 1
                || next.text().length() > MAX_NOTE) {
            return false;
        }
        Piece p = next.pieces().get(0);
        String text = p.text().strip();
        return p.kind() != Piece.Kind.CELL
                && !text.isEmpty()
                && !NOT_WRAPPED.matcher(text).matches();
    }

    /**
     * For each character of {@code text}, whether it is in a note that stands inside the text (a whole page on one
     * line); null when the text holds none. A note that does not end within {@value #MAX_IN_TEXT} characters is not
     * one: where it would end is not known; nor is one that holds more than one count.
     */
    static boolean[] inText(String text) {
        boolean[] note = null;
        Matcher start = NOTE_IN_TEXT.matcher(text);
        int from = 0;
        while (from < text.length() && start.find(from)) {
            Matcher end =
                    END_IN_TEXT.matcher(text).region(start.end(), Math.min(text.length(), start.end() + MAX_IN_TEXT));
            from = start.end();
            if (end.find() && counts(text.substring(start.start(), end.end())) <= 1) {
                note = note == null ? new boolean[text.length()] : note;
                Arrays.fill(note, start.start(), end.end(), true);
                from = end.end();
            }
        }
        return note;
    }

    private static long counts(String note) {
        return COUNT_IN_TEXT.matcher(note).results().count();
    }
}
