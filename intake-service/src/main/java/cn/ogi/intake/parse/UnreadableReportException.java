package cn.ogi.intake.parse;

/**
 * The text is not a readable annual report: it is empty, not a report at all, or a report of a table edition
 * whose tables cannot be found. The message says precisely what was looked for and not found.
 */
public class UnreadableReportException extends RuntimeException {

    public UnreadableReportException(String message) {
        super(message);
    }

    public UnreadableReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
