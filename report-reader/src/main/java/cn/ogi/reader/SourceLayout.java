package cn.ogi.reader;

import cn.ogi.reader.layout.HtmlLayout;
import cn.ogi.reader.layout.Layout;
import cn.ogi.reader.layout.PdfLayout;
import cn.ogi.reader.layout.TabSeparatedCells;
import cn.ogi.reader.layout.TextLayout;
import cn.ogi.reader.text.Normalizer;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * The first step of {@link PublishedReportReader}: a source of any form laid out as lines of placed pieces — a PDF
 * by its character positions, HTML by its grid, a text (Markdown, tabs, pipes, gaps) after normalisation.
 */
final class SourceLayout {

    /** A named or numeric character reference (a no-break space, 、 by its number) left in a scraped text. */
    private static final Pattern CHARACTER_REFERENCE =
            Pattern.compile("&(?:[a-zA-Z]{2,8}|#[0-9]{2,6}|#x[0-9a-fA-F]{2,5});");

    private SourceLayout() {}

    /** The source laid out as lines of placed pieces, whatever its form; refused when too large or not UTF-8. */
    static Layout of(PublishedSource source, ReaderLimits limits) {
        if (source.isPdf()) {
            return PdfLayout.of(source.bytes(), limits);
        }
        String raw = utf8(source.bytes());
        if (raw.length() > limits.maxChars()) {
            throw new UnreadableReportException(
                    "too-large",
                    "the report has " + raw.length() + " characters, more than the " + limits.maxChars()
                            + " a published report may have (configured limit)");
        }
        if (source.baseType().equals("text/html") || HtmlLayout.looksLikeHtml(raw)) {
            return HtmlLayout.of(raw);
        }
        // a scrape that dropped the tags but kept the character references (&nbsp;, &ldquo;, &#12289;) reads as their
        // characters
        String text = CHARACTER_REFERENCE.matcher(raw).find() ? Parser.unescapeEntities(raw, false) : raw;
        String normalized = TextLayout.withMarkdownRows(Normalizer.normalize(TabSeparatedCells.asPipeRows(text)));
        SourceForm form = source.baseType().equals("text/markdown") || TextLayout.isMarkdown(normalized)
                ? SourceForm.MARKDOWN
                : SourceForm.TEXT;
        return TextLayout.of(normalized, form);
    }

    /** Empty cells are visible in grids and pipes; text layouts, one-line scrapes and PDFs do not show them. */
    static boolean invisibleBlanks(Layout layout) {
        return layout.form() == SourceForm.TEXT || layout.form() == SourceForm.PDF;
    }

    private static String utf8(byte[] bytes) {
        return PublishedSource.strictUtf8(bytes)
                .orElseThrow(() -> new UnreadableReportException(
                        "not-utf8",
                        "the text is not valid UTF-8 (a GBK or GB18030 file?); convert it to UTF-8 and send it"
                                + " again"));
    }
}
