package cn.ogi.reader.layout;

import cn.ogi.reader.text.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A document's running header (页眉): the report's title, or a line naming the report, printed again at the top of
 * every page, which a text made from the pages puts between a table's rows. Only a line that names a report
 * (报告), long enough not to be a table's label, and printed more than once is such a header — again the same but
 * for spaces and a few characters an OCR misread; its first print stays (the title), every later one is dropped.
 */
final class RunningHeaders {

    private static final int SHORTEST = 8;
    private static final int LONGEST = 80;
    /** Bounds on the work for any text: the lines naming a report looked at, the distinct ones compared with. */
    private static final int MOST_LINES = 2_000;

    private static final int MOST_HEADERS = 32;

    /** The places (line numbers) of the lines that repeat a running header printed before them. */
    private final Set<Integer> repeats = new HashSet<>();

    RunningHeaders(String[] lines) {
        List<String> first = new ArrayList<>();
        int looked = 0;
        for (int i = 0; i < lines.length && looked < MOST_LINES; i++) {
            if (lines[i].length() > LONGEST * 2) {
                continue;
            }
            String t = compact(lines[i]);
            if (!namesAReport(lines[i], t)) {
                continue;
            }
            looked++;
            if (first.stream().anyMatch(f -> alike(f, t))) {
                repeats.add(i);
            } else if (first.size() < MOST_HEADERS) {
                first.add(t);
            }
        }
    }

    /** Whether the line at this place (of the lines given) repeats a running header printed before it. */
    boolean isRepeat(int line) {
        return repeats.contains(line);
    }

    /** Equal but for a few characters an OCR misread (look-alikes, a character lost or added). */
    private static boolean alike(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        return Math.abs(a.length() - b.length()) <= longer / 10 && Labels.lcs(a, b) * 10 >= longer * 9;
    }

    private static boolean namesAReport(String line, String compact) {
        return compact.length() >= SHORTEST
                && compact.length() <= LONGEST
                && compact.contains("报告")
                && line.indexOf('|') < 0
                && line.indexOf('\t') < 0;
    }

    private static String compact(String line) {
        StringBuilder b = new StringBuilder(line.length());
        line.chars().filter(c -> !Character.isWhitespace(c)).forEach(c -> b.append((char) c));
        return b.toString();
    }
}
