package cn.ogi.reader;

/**
 * The source is not readable as an annual report; the message says what was looked for and not found, or what
 * is wrong with the file (a PDF without a text layer, an encrypted one, one over the limits). The only
 * exception {@link PublishedReportReader#read} throws.
 */
public class UnreadableReportException extends RuntimeException {

    /** Why: a short code for clients ({@code empty}, {@code not-a-report}, {@code pdf-no-text}, …). */
    private final String reason;

    public UnreadableReportException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public UnreadableReportException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
