package cn.ogi.reader.layout;

import cn.ogi.reader.SourceForm;
import cn.ogi.reader.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Lays out a web page with jsoup: every table becomes rows of cells on a grid (rowspan and colspan honoured: a
 * label spanning rows is repeated on each, a number spanning rows is stated once and the rows below marked
 * merged; an empty cell stays a visible blank), the text around the tables becomes lines at block boundaries.
 */
public final class HtmlLayout {

    /** Tags that end a line of text. */
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "br",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "tr",
            "section",
            "article",
            "ul",
            "ol",
            "blockquote",
            "pre",
            "title",
            "header",
            "footer",
            "hr",
            "dd",
            "dt",
            "caption",
            "center");

    private static final Set<String> INVISIBLE = Set.of("script", "style", "noscript", "template", "head", "iframe");
    private static final Pattern HTML_TAG = Pattern.compile(
            "<(table|tr|td|th|p|div|span|br|html|body|tbody|font|strong|b|h[1-6])\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    /** Spans beyond these are markup errors; bounding them bounds the grid. */
    private static final int MAX_SPAN = 60;

    private static final int MAX_CELLS = 200_000;

    private HtmlLayout() {}

    /** True when a text is (or contains) an HTML page rather than plain text: several tags of the usual kinds. */
    public static boolean looksLikeHtml(String text) {
        var m = HTML_TAG.matcher(text.length() > 200_000 ? text.substring(0, 200_000) : text);
        int tags = 0;
        while (m.find()) {
            if (++tags >= 3) {
                return true;
            }
        }
        return false;
    }

    public static Layout of(String html) {
        Document doc = Jsoup.parse(html);
        List<Line> lines = new ArrayList<>();
        String title = doc.title();
        if (!title.isBlank()) {
            lines.add(textLine(title));
        }
        StringBuilder text = new StringBuilder();
        int[] cells = {0};
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            text.append(t.getWholeText().replace('\n', ' ').replace('\r', ' '));
                            return FilterResult.CONTINUE;
                        }
                        if (!(node instanceof Element e)) {
                            return FilterResult.CONTINUE;
                        }
                        String tag = e.normalName();
                        if (INVISIBLE.contains(tag) || hidden(e)) {
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        if (tag.equals("table")
                                && e.selectFirst("table table") == null
                                && e.select("table").size() == 1) {
                            flush(text, lines);
                            if (cells[0] < MAX_CELLS) {
                                cells[0] += grid(e, lines);
                            }
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        if (BLOCKS.contains(tag) || tag.equals("td") || tag.equals("th")) {
                            if (tag.equals("td") || tag.equals("th")) {
                                text.append("  ");
                            } else {
                                flush(text, lines);
                            }
                        }
                        return FilterResult.CONTINUE;
                    }

                    @Override
                    public FilterResult tail(Node node, int depth) {
                        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                            flush(text, lines);
                        }
                        return FilterResult.CONTINUE;
                    }
                },
                doc.body());
        flush(text, lines);
        return new Layout(SourceForm.HTML, lines, null);
    }

    private static boolean hidden(Element e) {
        String style = e.attr("style").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        return style.contains("display:none") || style.contains("visibility:hidden") || e.hasAttr("hidden");
    }

    private static void flush(StringBuilder text, List<Line> lines) {
        if (text.isEmpty()) {
            return;
        }
        for (String part : Normalizer.normalize(text.toString()).split("\n", -1)) {
            if (!part.isBlank() && !Footers.isPageFooter(part)) {
                lines.add(textLine(part.strip()));
            }
        }
        text.setLength(0);
    }

    private static Line textLine(String text) {
        return new Line(List.of(Piece.text(Normalizer.normalize(text).strip())), 0);
    }

    /** The table as grid rows; returns the number of cells placed. */
    private static int grid(Element table, List<Line> lines) {
        List<TreeMap<Integer, Piece>> rows = new ArrayList<>();
        int placed = 0;
        int r = 0;
        for (Element tr : table.select("tr")) {
            while (rows.size() <= r) {
                rows.add(new TreeMap<>());
            }
            TreeMap<Integer, Piece> row = rows.get(r);
            int col = 0;
            for (Element td : tr.children()) {
                if (!td.normalName().equals("td") && !td.normalName().equals("th")) {
                    continue;
                }
                while (row.containsKey(col)) {
                    col++;
                }
                int colspan = span(td.attr("colspan"));
                int rowspan = span(td.attr("rowspan"));
                String text = Normalizer.normalize(td.text()).strip();
                row.put(col, new Piece(text, col, col + colspan, Piece.Kind.CELL));
                for (int c = col + 1; c < col + colspan; c++) {
                    row.put(c, null); // covered by the cell to its left
                }
                boolean numeric = !text.isEmpty() && text.chars().noneMatch(Normalizer::isCjkCodePoint);
                for (int k = 1; k < rowspan; k++) {
                    while (rows.size() <= r + k) {
                        rows.add(new TreeMap<>());
                    }
                    Piece below = numeric
                            ? new Piece("", col, col + colspan, Piece.Kind.MERGED)
                            : new Piece(text, col, col + colspan, Piece.Kind.CELL);
                    rows.get(r + k).put(col, below);
                    for (int c = col + 1; c < col + colspan; c++) {
                        rows.get(r + k).put(c, null);
                    }
                }
                col += colspan;
                if (++placed > MAX_CELLS) {
                    break;
                }
            }
            r++;
        }
        for (TreeMap<Integer, Piece> row : rows) {
            List<Piece> pieces = new ArrayList<>();
            for (Map.Entry<Integer, Piece> e : row.entrySet()) {
                if (e.getValue() != null) {
                    pieces.add(e.getValue());
                }
            }
            if (!pieces.isEmpty()) {
                lines.add(new Line(pieces, 0));
            }
        }
        return placed;
    }

    private static int span(String attr) {
        try {
            int v = Integer.parseInt(attr.strip());
            return Math.max(1, Math.min(MAX_SPAN, v));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
