package cn.ogi.reader;

/**
 * Bounds on the work one source may cause, so that hostile or broken input cannot exhaust memory or time.
 *
 * @param maxBytes    the largest source accepted (a PDF of a report is well under 10 MB; a text under 1 MB)
 * @param maxPdfPages the most pages a PDF may have (annual reports have 5–40)
 * @param maxChars    the most characters of text read from any source
 * @param maxPdfTime  the processor time a PDF's text layer may take to extract (a report's 40 pages take well
 *                    under a second; a damaged font table can make PDFBox work for many seconds per page)
 */
public record ReaderLimits(int maxBytes, int maxPdfPages, int maxChars, java.time.Duration maxPdfTime) {

    /** The standard time for a PDF's text layer. */
    public static final java.time.Duration PDF_TIME = java.time.Duration.ofSeconds(3);

    public ReaderLimits {
        if (maxPdfTime == null || maxPdfTime.isNegative() || maxPdfTime.isZero()) {
            throw new IllegalArgumentException("maxPdfTime must be positive");
        }
    }

    public ReaderLimits(int maxBytes, int maxPdfPages, int maxChars) {
        this(maxBytes, maxPdfPages, maxChars, PDF_TIME);
    }

    public static ReaderLimits standard() {
        return new ReaderLimits(20 * 1024 * 1024, 200, 2_000_000);
    }
}
