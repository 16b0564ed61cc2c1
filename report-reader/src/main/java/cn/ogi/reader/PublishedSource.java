package cn.ogi.reader;

import java.util.Locale;
import java.util.Objects;

/**
 * A report as its agency published it: the bytes and the media type they came with ({@code text/plain;
 * charset=utf-8}, {@code text/html}, {@code text/markdown}, {@code application/pdf}). Texts must be UTF-8.
 */
// the bytes as received (a PDF of several MB): handed on, never changed, so not copied on each access
@SuppressWarnings("ArrayRecordComponent")
public record PublishedSource(byte[] bytes, String mediaType) {

    public PublishedSource {
        Objects.requireNonNull(bytes, "bytes");
        mediaType = mediaType == null ? "text/plain" : mediaType;
    }

    public static PublishedSource text(String text) {
        return new PublishedSource(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    public static PublishedSource pdf(byte[] bytes) {
        return new PublishedSource(bytes, "application/pdf");
    }

    /** Is it a PDF: sent as {@code application/pdf}, or starting with the {@code %PDF-} signature whatever its label. */
    public boolean isPdf() {
        return baseType().equals("application/pdf") || startsWithPdfSignature(bytes);
    }

    public static boolean startsWithPdfSignature(byte[] b) {
        return b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-';
    }

    /** The bytes as UTF-8 text, or empty when they are not valid UTF-8 (a GBK or GB18030 file). */
    public static java.util.Optional<String> strictUtf8(byte[] bytes) {
        try {
            return java.util.Optional.of(java.nio.charset.StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }

    /** The media type without parameters, in lower case ({@code text/plain}). */
    public String baseType() {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
