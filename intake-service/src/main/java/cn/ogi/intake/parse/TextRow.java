package cn.ogi.intake.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a table as printed: its label text and the numbers that follow it. Two layouts are read: web
 * scrapes with {@code |} between cells (where a blank cell is visible as {@code | |}) and {@code pdftotext
 * -layout} columns separated by runs of spaces (where a blank cell is invisible).
 *
 * @param label    the text before the numbers, spaces removed
 * @param values   the numbers in print order; a null element is a blank cell (pipe layout only)
 * @param glued    digits run together with the end of the label ({@code 行政许可396442278}), or null
 * @param blankRun in the pipe layout, the number of cells after the label (blank ones included)
 * @param pipe     whether the line was pipe-separated
 */
record TextRow(String label, List<Quantity> values, String glued, int blankRun, boolean pipe) {

    private static final Pattern GLUED = Pattern.compile("(?<=[\\u3400-\\u9fff)\\]])(\\d{1,40})$");
    private static final Pattern PAGE_FOOTER = Pattern.compile(
            "[-—–]\\s*\\d{1,3}\\s*[-—–]|第\\s*\\d{1,3}\\s*页(共\\s*\\d{1,3}\\s*页)?|\\d{1,3}\\s*/\\s*\\d{1,3}");

    static boolean isPageFooter(String line) {
        String t = line.strip();
        return !t.isEmpty() && t.length() <= 16 && PAGE_FOOTER.matcher(t).matches();
    }

    static TextRow of(String line) {
        return line.indexOf('|') >= 0 ? pipe(line) : layout(line);
    }

    boolean hasNumbers() {
        return values.stream().anyMatch(v -> v != null) || glued != null;
    }

    boolean isNumericOnly() {
        return label.isEmpty() && !values.isEmpty();
    }

    private static TextRow pipe(String line) {
        String[] cells = line.split("\\|", -1);
        int lastText = -1;
        List<Quantity> parsed = new ArrayList<>(cells.length);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].strip();
            Quantity q = Quantity.parse(c);
            parsed.add(q);
            if (q == null && !isBlank(c)) {
                lastText = i;
            }
        }
        StringBuilder label = new StringBuilder();
        for (int i = 0; i <= lastText; i++) {
            label.append(cells[i].replace(" ", "").strip());
        }
        List<Quantity> values = new ArrayList<>(parsed.subList(lastText + 1, parsed.size()));
        int run = values.size();
        while (!values.isEmpty() && values.get(values.size() - 1) == null) {
            values.remove(values.size() - 1);
        }
        return withGlue(label.toString(), values, run, true);
    }

    private static TextRow layout(String line) {
        String[] tokens = line.strip().split("\\s+", -1);
        List<String> merged = new ArrayList<>(tokens.length);
        for (String t : tokens) {
            // a unit printed apart from its number ("1007.25 万元") belongs to the number
            if (!merged.isEmpty() && isUnit(t) && Quantity.parse(merged.get(merged.size() - 1)) != null) {
                merged.set(merged.size() - 1, merged.get(merged.size() - 1) + t);
            } else if (!t.isEmpty()) {
                merged.add(t);
            }
        }
        int lastText = -1;
        for (int i = 0; i < merged.size(); i++) {
            if (Quantity.parse(merged.get(i)) == null && !isDash(merged.get(i))) {
                lastText = i;
            }
        }
        StringBuilder label = new StringBuilder();
        for (int i = 0; i <= lastText; i++) {
            label.append(merged.get(i));
        }
        List<Quantity> values = new ArrayList<>();
        for (int i = lastText + 1; i < merged.size(); i++) {
            values.add(Quantity.parse(merged.get(i)));
        }
        return withGlue(label.toString(), values, values.size(), false);
    }

    private static TextRow withGlue(String label, List<Quantity> values, int run, boolean pipe) {
        Matcher m = GLUED.matcher(label);
        if (m.find()) {
            return new TextRow(label.substring(0, m.start()), values, m.group(1), run, pipe);
        }
        return new TextRow(label, values, null, run, pipe);
    }

    private static boolean isBlank(String cell) {
        return cell.isEmpty() || isDash(cell);
    }

    private static boolean isDash(String s) {
        return s.equals("-") || s.equals("—") || s.equals("——") || s.equals("/") || s.equals("--") || s.equals("－");
    }

    private static boolean isUnit(String t) {
        return t.equals("万元") || t.equals("元") || t.equals("亿元") || t.equals("余万元") || t.equals("余元");
    }
}
