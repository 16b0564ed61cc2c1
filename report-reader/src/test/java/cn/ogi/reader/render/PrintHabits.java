package cn.ogi.reader.render;

import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Habits of an agency's print that every copy of its report shows, whatever the form: a mark in its blank number
 * cells (a dash, a slash, 无) instead of nothing, a long table's header rows printed again after a page break
 * (Word's 标题行重复), and notes with digits above and under the tables (统计时间, 截至, 单位). Drawn per report, after
 * everything else the generator draws, so that a report's truth does not depend on them; {@code -Dreader.habits=
 * blank-mark,repeated-header,notes} prints every report with those habits (for measuring one), {@code none} with
 * none.
 *
 * @param blankMark          what a blank number cell prints: "" (nothing) or a mark for nothing
 * @param repeatedHeaderAt   where, as a fraction of a long table's data rows, its header rows print again; -1 for no
 *                           page break with a repeated header
 * @param notes              which notes the tables carry: 0 none, 1–3 one of three publishers' sets ({@link TableNotes})
 */
public record PrintHabits(String blankMark, double repeatedHeaderAt, int notes) {

    public static final PrintHabits PLAIN = new PrintHabits("", -1, 0);

    /** Marks agencies print for 0 or nothing in a number cell. */
    static final List<String> BLANK_MARKS = List.of("—", "-", "/", "／", "——", "无");

    private static final Set<String> FORCED =
            Set.of(System.getProperty("reader.habits", "").split(",", -1));

    static PrintHabits random(Random rnd) {
        boolean mark = rnd.nextInt(6) == 0 || FORCED.contains("blank-mark");
        String blankMark = BLANK_MARKS.get(rnd.nextInt(BLANK_MARKS.size()));
        boolean repeated = rnd.nextInt(5) == 0 || FORCED.contains("repeated-header");
        double at = rnd.nextDouble();
        boolean notes = rnd.nextInt(6) == 0 || FORCED.contains("notes");
        int set = 1 + rnd.nextInt(3);
        if (FORCED.contains("none")) {
            return PLAIN;
        }
        return new PrintHabits(mark ? blankMark : "", repeated ? at : -1, notes ? set : 0);
    }

    public boolean repeatsHeaders() {
        return repeatedHeaderAt >= 0;
    }
}
