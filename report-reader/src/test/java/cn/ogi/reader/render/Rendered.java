package cn.ogi.reader.render;

import cn.ogi.reader.PublishedSource;
import cn.ogi.reader.SourceForm;
import java.nio.charset.StandardCharsets;

/**
 * One rendering of a report: the bytes as a publisher (or a scraper, converter, OCR engine) would hand them over,
 * their media type, and the form a reader should recognise them as.
 */
@SuppressWarnings("ArrayRecordComponent") // a rendering's bytes, made once and read by the test
public record Rendered(String renderer, byte[] bytes, String mediaType, SourceForm expectedForm) {

    public static Rendered text(String renderer, String text, String mediaType, SourceForm expected) {
        return new Rendered(renderer, text.getBytes(StandardCharsets.UTF_8), mediaType, expected);
    }

    public PublishedSource source() {
        return new PublishedSource(bytes, mediaType);
    }

    /** The text (for the text forms), for looking at a failing case. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
