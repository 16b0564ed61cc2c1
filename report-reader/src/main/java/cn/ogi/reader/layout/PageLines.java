package cn.ogi.reader.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A text's lines that are the document's, each with its page: page footers, running headers after their first print
 * and Markdown separator lines left out; pdftotext ends every page with a form feed (a text without one is page 0),
 * and each page has its own left margin.
 */
record PageLines(List<String> lines, List<Integer> pages) {

    static PageLines of(String normalized, Pattern markdownSeparator) {
        List<String> lines = new ArrayList<>();
        List<Integer> pages = new ArrayList<>();
        int page = normalized.indexOf('\f') >= 0 ? 1 : 0;
        String[] all = normalized.split("\n", -1);
        RunningHeaders headers = new RunningHeaders(all);
        for (int at = 0; at < all.length; at++) {
            String raw = all[at];
            if (raw.indexOf('\f') >= 0) {
                page += (int) raw.chars().filter(ch -> ch == '\f').count();
                raw = raw.replace("\f", "");
            }
            if (Footers.isPageFooter(raw)
                    || headers.isRepeat(at)
                    || (raw.indexOf('|') >= 0 && markdownSeparator.matcher(raw).matches())) {
                continue;
            }
            lines.add(raw);
            pages.add(page);
        }
        return new PageLines(lines, pages);
    }
}
