package cn.ogi.reader;

/**
 * Bounds on the work one source may cause, so that hostile or broken input cannot exhaust memory or time.
 *
 * @param maxBytes    the largest source accepted (a PDF of a report is well under 10 MB; a text under 1 MB)
 * @param maxPdfPages the most pages a PDF may have (annual reports have 5–40)
 * @param maxChars    the most characters of text read from any source
 */
public record ReaderLimits(int maxBytes, int maxPdfPages, int maxChars) {

    public static ReaderLimits standard() {
        return new ReaderLimits(20 * 1024 * 1024, 200, 2_000_000);
    }
}
