package cn.ogi.reader;

/**
 * What the caller already knows about the report; either may be null. A year hint wins over the year the text
 * states (a disagreement is noted); the agency code is copied into the report.
 */
public record ReadHints(String agencyCode, Integer year) {

    public static ReadHints none() {
        return new ReadHints(null, null);
    }
}
