package cn.ogi.reporting.report;

import java.util.Locale;
import java.util.Map;

/**
 * A report as its agency published it: the media type, the lower-case hex SHA-256 of the bytes, and the bytes
 * exactly as delivered. Kept beside the version it was read into (table report_originals).
 */
@SuppressWarnings("ArrayRecordComponent") // identified by sha256, never compared by equals; served, never changed
public record PublishedOriginal(String mediaType, String sha256, byte[] bytes) {

    /** The media types an original may have, with the file extension it is served under. */
    static final Map<String, String> EXTENSIONS = Map.of(
            "application/pdf", "pdf",
            "text/html", "html",
            "text/markdown", "md",
            "text/plain", "txt");

    /** The media type without parameters, lower case ({@code text/html; charset=utf-8} → {@code text/html}). */
    static String baseType(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** The file name it is served under: {@code <agencyCode>-<year>-v<n>.<pdf|html|md|txt>}. */
    public String fileName(String agencyCode, int year, int version) {
        return agencyCode + "-" + year + "-v" + version + "." + EXTENSIONS.getOrDefault(baseType(mediaType), "bin");
    }
}
