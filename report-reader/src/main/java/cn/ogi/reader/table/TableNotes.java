package cn.ogi.reader.table;

import cn.ogi.reader.layout.Line;
import cn.ogi.reader.layout.Piece;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Notes printed above or under a table — {@code 注：本表数据统计时间为2023年1月1日至2023年12月31日。}, {@code （单位：件）},
 * {@code 单位：万元}, {@code 注：“其他”包括…3件} — are text: their digits (a date, a count named in the note) are no
 * cells. A note starts a line with 注, 备注, 说明 or 单位 and a colon, and goes on over the lines it wraps onto: lines
 * of one piece of text, up to its sentence's end, that do not start a heading or a row item. A line that holds a
 * heading or a cell border too is more than a note (a page whose line breaks were lost) and is read as before.
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
}
