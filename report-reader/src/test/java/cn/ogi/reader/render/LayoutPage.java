package cn.ogi.reader.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Lines of a pdftotext-like page flow, with page footers (and perhaps running headers) every so many lines. */
final class Page {

    final Random rnd;
    private final List<String> lines = new ArrayList<>();
    private final int pageLength;
    private final int footerStyle;
    private int sinceFooter;
    private int pageNumber = 1;
    private String runningHeader;
    /** Labels printed letter-spaced, a space after every character, where they fit (字符间距加宽 in the PDF). */
    boolean spacedLabels;
    /** How far the columns moved on this page (a PDF's table sits a little differently on each page). */
    int shift;

    Page(Random rnd) {
        this.rnd = rnd;
        pageLength = 30 + rnd.nextInt(25);
        footerStyle = rnd.nextInt(3);
    }

    Page line(String text) {
        lines.add(text);
        if (++sinceFooter >= pageLength) {
            footer();
        }
        return this;
    }

    /** Prints this text at the top of every further page, as a document's header (页眉) does. */
    void runningHeader(String text) {
        runningHeader = text;
    }

    /** The page ends here (a table that continues on the next page): its footer, and the next page's header. */
    void pageBreak() {
        footer();
    }

    private void footer() {
        pageNumber++;
        String footer = switch (footerStyle) {
            case 0 -> "-" + pageNumber + "-";
            case 1 -> "第 " + pageNumber + " 页";
            default -> "- " + pageNumber + " -";
        };
        lines.add("");
        lines.add(" ".repeat(rnd.nextBoolean() ? 4 : 40 + rnd.nextInt(30)) + footer);
        lines.add("");
        if (runningHeader != null) {
            lines.add(" ".repeat(10) + runningHeader);
            lines.add("");
        }
        sinceFooter = 0;
        if (rnd.nextInt(3) == 0) {
            shift = rnd.nextInt(5) - 2;
        }
    }

    /** A paragraph wrapped at {@code width} characters, the first line indented. */
    void wrap(String text, int width) {
        String rest = "  " + text;
        while (rest.length() > width) {
            int cut = width;
            while (cut > width / 2 && isNumberChar(rest.charAt(cut)) && isNumberChar(rest.charAt(cut - 1))) {
                cut--; // typesetters keep a number on one line
            }
            line(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        line(rest);
    }

    static boolean isNumberChar(char c) {
        return (c >= '0' && c <= '9') || c == '.';
    }

    Columns columns(int labelWidth, int columnWidth) {
        return new Columns(this, labelWidth, columnWidth, rnd.nextBoolean());
    }

    String finish() {
        lines.add("");
        lines.add(" ".repeat(40) + "-" + (pageNumber + 1) + "-");
        return String.join("\n", lines) + "\n";
    }
}

/** A table's column grid: a label area then fixed-width number columns, numbers right-aligned or centred. */
final class Columns {

    private final Page page;
    final int labelWidth;
    private final int columnWidth;
    private final boolean centred;

    Columns(Page page, int labelWidth, int columnWidth, boolean centred) {
        this.page = page;
        this.labelWidth = labelWidth;
        this.columnWidth = Math.max(columnWidth, 4);
        this.centred = centred;
    }

    String line(String label, List<String> numbers) {
        String shown = page.spacedLabels && label.length() * 2 < labelWidth - 2 ? spaced(label) : label;
        StringBuilder s = new StringBuilder(LayoutTextRenderer.pad(shown, labelWidth + page.shift));
        for (String n : numbers) {
            int free = columnWidth - n.length();
            int left = centred ? free / 2 : free;
            s.append(" ".repeat(left)).append(n).append(" ".repeat(free - left));
        }
        return s.toString().stripTrailing();
    }

    private static String spaced(String label) {
        StringBuilder s = new StringBuilder(label.length() * 2);
        for (int i = 0; i < label.length(); i++) {
            s.append(i == 0 ? "" : " ").append(label.charAt(i));
        }
        return s.toString();
    }

    /** A header line of two characters of each label from {@code offset}, centred over the columns. */
    String headerLine(List<String> labels, int offset) {
        List<String> pieces = labels.stream()
                .map(l -> offset >= l.length() ? "" : l.substring(offset, Math.min(l.length(), offset + 2)))
                .toList();
        return line("", pieces);
    }

    /** A data row; a long label wraps, its text on the line above and below the numbers (or after them). */
    void row(Page page, String label, List<String> numbers) {
        int room = labelWidth - 2;
        if (label.length() <= room) {
            page.line(line(label, numbers));
            return;
        }
        if (page.rnd.nextInt(3) == 0) {
            page.line(line(label.substring(0, room), numbers));
            page.line("     " + label.substring(room).strip());
            return;
        }
        String indent = label.substring(0, label.length() - label.stripLeading().length());
        int cut = indent.length() + (label.length() - indent.length()) / 2;
        if (page.rnd.nextBoolean()) {
            page.line(label.substring(0, cut));
            page.line(line("", numbers));
            page.line(indent + label.substring(cut));
        } else {
            page.line(line(label.substring(0, cut), numbers));
            page.line(indent + label.substring(cut));
        }
    }
}

/** The vertical group label (三、本年度办理结果) as pdftotext prints it: characters on lines of their own. */
final class VerticalLabel {

    private final Random rnd;
    private final int mode;
    private List<String> pending = List.of();
    private int every;
    private int rowsSeen;

    VerticalLabel(Random rnd) {
        this.rnd = rnd;
        this.mode = rnd.nextInt(3);
    }

    void start(String label, int rows) {
        List<String> chars = new ArrayList<>();
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == '、' && !chars.isEmpty()) {
                chars.set(chars.size() - 1, chars.get(chars.size() - 1) + c);
            } else {
                chars.add(String.valueOf(c));
            }
        }
        if (mode == 1) {
            chars = List.of(String.join(rnd.nextBoolean() ? " " : "", chars).replace("、", " 、"));
        }
        pending = new ArrayList<>(chars);
        every = mode == 0 ? Math.max(1, rows / (chars.size() + 1)) : Math.max(1, rows / 2);
        rowsSeen = 0;
    }

    void afterRow(Page page) {
        if (pending.isEmpty() || mode == 2) {
            return;
        }
        if (++rowsSeen % every == 0) {
            page.line(" " + pending.remove(0));
        }
    }
}
