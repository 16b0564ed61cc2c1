package cn.ogi.reader.table;

import java.util.Set;

/**
 * What agencies print in a number cell for nothing or 0: a dash, a slash, 无. Such a cell is a visibly empty cell
 * (the form means 0), never a number, whether it is a cell of its own or printed between two numbers of a text
 * whose cells run together ({@code 224无无6}, {@code 12 — 3}).
 */
final class BlankMarks {

    private static final Set<String> MARKS = Set.of("-", "—", "——", "–", "--", "－", "/", "／", "无", "\\");

    private BlankMarks() {}

    /** True when {@code text} (stripped) is one mark for nothing. */
    static boolean isMark(String text) {
        return MARKS.contains(text);
    }

    /**
     * How many blank cells the text between two numbers prints: marks separated by spaces, a run of 无 or of
     * slashes one cell each; 0 when it is anything else or when the count is not sure (a run of dashes, which may
     * be one long dash or several).
     */
    static int count(String between) {
        String text = between.strip();
        if (text.isEmpty()) {
            return 0;
        }
        int cells = 0;
        for (String part : text.split("[ \\u00A0\\u3000]+", -1)) {
            if (isMark(part)) {
                cells++;
            } else if (part.chars().allMatch(c -> c == '无') || part.chars().allMatch(c -> c == '/' || c == '／')) {
                cells += part.length();
            } else {
                return 0;
            }
        }
        return cells;
    }
}
