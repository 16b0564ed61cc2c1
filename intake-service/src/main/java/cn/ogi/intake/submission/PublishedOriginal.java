package cn.ogi.intake.submission;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * A report as its agency published it (a PDF, an HTML page, a Markdown or plain text file): the bytes exactly as
 * received, their media type, and the SHA-256 of the bytes (lower-case hex). Stored with the submission, delivered
 * with the version and kept by reporting-service beside it, so that every number can be checked against its source.
 *
 * @param bytes     the document as received, never changed
 * @param mediaType what it is, e.g. {@code application/pdf} or {@code text/html; charset=utf-8}
 * @param sha256    lower-case hex SHA-256 of {@code bytes}; the submission's content hash (idempotency)
 */
@SuppressWarnings("ArrayRecordComponent") // compared by sha256, never by equals; handed on, never changed
public record PublishedOriginal(byte[] bytes, String mediaType, String sha256) {

    /** The media types reporting-service keeps (parameters such as charset allowed); it refuses others (422). */
    public static final Set<String> MEDIA_TYPES = Set.of("application/pdf", "text/html", "text/markdown", "text/plain");

    public PublishedOriginal {
        if (bytes == null || mediaType == null || sha256 == null) {
            throw new IllegalArgumentException("a published original needs its bytes, media type and SHA-256");
        }
        // fail here, before the 202, rather than as a REJECTED delivery afterwards
        String base = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!MEDIA_TYPES.contains(base)) {
            throw new IllegalArgumentException(
                    "a published original is one of " + MEDIA_TYPES + ", not '" + mediaType + "'");
        }
    }

    /** The original with the SHA-256 of its bytes. */
    public static PublishedOriginal of(byte[] bytes, String mediaType) {
        return new PublishedOriginal(bytes, mediaType, sha256(bytes));
    }

    /** Lower-case hex SHA-256. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
