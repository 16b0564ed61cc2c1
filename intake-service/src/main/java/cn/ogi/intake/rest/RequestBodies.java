package cn.ogi.intake.rest;

import cn.ogi.reader.PublishedSource;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import cn.ogi.web.json.ControlCharacters;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads request bodies with a size bound and strict UTF-8, refusing with the right problem. */
final class RequestBodies {

    /** The largest single report body, JSON or text (a report is a few KiB; its text tens of KiB). */
    static final int MAX_REPORT_BYTES = 1024 * 1024;

    private RequestBodies() {}

    /** The body as text, or 413 when it is over the bound, 400 when it is empty or not UTF-8. */
    static String readUtf8(byte[] bytes, String what) {
        return readUtf8(bytes, what, MAX_REPORT_BYTES);
    }

    private static String readUtf8(byte[] bytes, String what, int maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.badRequest("empty-body", "The request body is empty");
        }
        if (bytes.length > maxBytes) {
            throw tooLarge();
        }
        return PublishedSource.strictUtf8(bytes)
                .orElseThrow(() -> ProblemException.badRequest(
                        "not-utf8",
                        "The " + what + " is not valid UTF-8 (a GBK or GB18030 file?); "
                                + "convert it to UTF-8 and send it again"));
    }

    /**
     * A published text: like {@link #readUtf8}, and refused (400, with line and column) when it holds a control
     * character other than tab, line breaks and form feed — NUL cannot be stored, the others print as nothing.
     */
    private static String readText(byte[] bytes, int maxBytes) {
        String text = readUtf8(bytes, "report text", maxBytes);
        int at = ControlCharacters.indexIn(text);
        if (at >= 0) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String message = "The report text " + ControlCharacters.describe(text, at) + " (line " + line + ", column "
                    + (at - lineStart + 1) + ")";
            throw ProblemException.badRequest("control-character", message)
                    .withErrors(List.of(new Problem.InputError(line, "body", message)));
        }
        return text;
    }

    /**
     * A published report as received: a PDF (by its media type or its {@code %PDF-} signature) as bytes; a text,
     * page or Markdown checked as {@link #readText} checks texts. 413 over {@code maxBytes}, 400 when empty.
     */
    static PublishedSource readPublished(byte[] bytes, MediaType type, int maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.badRequest("empty-body", "The request body is empty");
        }
        if (bytes.length > maxBytes) {
            throw publishedTooLarge(maxBytes);
        }
        String mediaType = type == null ? MediaType.TEXT_PLAIN : type.getType() + "/" + type.getSubtype();
        if (new PublishedSource(bytes, mediaType).isPdf()) {
            return PublishedSource.pdf(bytes);
        }
        String text = readText(bytes, Integer.MAX_VALUE);
        return new PublishedSource(text.getBytes(StandardCharsets.UTF_8), mediaType + "; charset=utf-8");
    }

    static ProblemException publishedTooLarge(int maxBytes) {
        return ProblemException.of(
                413,
                "body-too-large",
                "Content too large",
                "A published report (text, page or PDF) may be at most " + maxBytes
                        + " bytes (configuration intake.reader.max-bytes)");
    }

    /** The Idempotency-Key header: at most 200 characters, printable. */
    static String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 200 || ControlCharacters.indexIn(key) >= 0) {
            throw ProblemException.badRequest(
                            "invalid-idempotency-key",
                            "Header 'Idempotency-Key' must be 1 to 200 printable characters, got " + key.length())
                    .withErrors(List.of(new Problem.InputError(null, "Idempotency-Key", "1 to 200 characters")));
        }
        return key;
    }

    static ProblemException tooLarge() {
        return ProblemException.of(
                413,
                "body-too-large",
                "Content too large",
                "A single report may be at most " + MAX_REPORT_BYTES + " bytes; send many reports with "
                        + "POST /api/v1/submissions/batch (NDJSON)");
    }
}
