package cn.ogi.reader.layout;

import cn.ogi.reader.SourceForm;
import java.util.List;

/**
 * A source as lines of placed pieces, whatever its form: what the table readers and the prose readers read.
 *
 * @param form  the form it was read from
 * @param lines the lines in reading order (page footers removed)
 * @param pages the number of PDF pages, or null
 */
public record Layout(SourceForm form, List<Line> lines, Integer pages) {

    public Layout {
        lines = List.copyOf(lines);
    }

    /** The lines' texts, for prose reading. */
    public List<String> texts() {
        return lines.stream().map(Line::text).toList();
    }

    /** The whole text, lines separated by newlines. */
    public String text() {
        return String.join("\n", texts());
    }
}
