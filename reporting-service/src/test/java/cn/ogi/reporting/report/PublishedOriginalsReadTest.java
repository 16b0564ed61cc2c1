package cn.ogi.reporting.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ogi.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The checks on a delivered original, without a database: the size bound, the hash, the encoding. */
class PublishedOriginalsReadTest {

    private static PublishedOriginals bounded(long maxBytes) {
        PublishedOriginals originals = new PublishedOriginals();
        originals.configure(() -> maxBytes);
        return originals;
    }

    private static VersionSubmission with(String mediaType, String sha256, String base64) {
        return new VersionSubmission(null, "api", null, "t", null, null, mediaType, sha256, base64);
    }

    private static VersionSubmission of(byte[] bytes) {
        return with(
                "application/pdf",
                PublishedOriginals.sha256(bytes),
                Base64.getEncoder().encodeToString(bytes));
    }

    @Test
    void anOriginalAtTheBoundIsAcceptedOneByteMoreIsA413() {
        for (int size = 8; size <= 12; size++) {
            byte[] bytes = "0123456789ab".substring(0, size).getBytes(StandardCharsets.US_ASCII);
            PublishedOriginal read = bounded(size).read(of(bytes));
            assertArrayEquals(bytes, read.bytes());
            ProblemException tooLarge = assertThrows(
                    ProblemException.class, () -> bounded(bytes.length - 1).read(of(bytes)));
            assertEquals(413, tooLarge.status(), "size " + size);
        }
    }

    @Test
    void aDeliveryWithoutAnyOriginalFieldHasNone() {
        assertNull(bounded(10).read(with(null, null, null)));
    }

    @Test
    void theShaIsComparedAsLowerCaseHex() {
        byte[] bytes = "%PDF".getBytes(StandardCharsets.US_ASCII);
        String upper = PublishedOriginals.sha256(bytes).toUpperCase(java.util.Locale.ROOT);
        PublishedOriginal read = bounded(10)
                .read(with("application/pdf", upper, Base64.getEncoder().encodeToString(bytes)));
        assertEquals(PublishedOriginals.sha256(bytes), read.sha256());
    }

    @Test
    void anEmptyOriginalOrAMalformedMediaTypeIs422() {
        assertEquals(
                422,
                assertThrows(ProblemException.class, () -> bounded(10).read(of(new byte[0])))
                        .status());
        byte[] bytes = "%PDF".getBytes(StandardCharsets.US_ASCII);
        for (String malformed : java.util.List.of("application/pdf; =", "application/pdf\r\nX-Injected: 1", "pdf")) {
            assertEquals(
                    422,
                    assertThrows(
                                    ProblemException.class,
                                    () -> bounded(10)
                                            .read(with(
                                                    malformed,
                                                    PublishedOriginals.sha256(bytes),
                                                    Base64.getEncoder().encodeToString(bytes))))
                            .status(),
                    malformed);
        }
        assertEquals(
                422,
                assertThrows(
                                ProblemException.class,
                                () -> bounded(10)
                                        .read(with(
                                                "application/pdf; =",
                                                PublishedOriginals.sha256(bytes),
                                                Base64.getEncoder().encodeToString(bytes))))
                        .status());
    }

    @Test
    void fileNamesTakeTheExtensionOfTheMediaType() {
        assertEquals("A-2023-v2.pdf", new PublishedOriginal("application/pdf", "", new byte[0]).fileName("A", 2023, 2));
        assertEquals(
                "A-2023-v1.html",
                new PublishedOriginal("text/html; charset=utf-8", "", new byte[0]).fileName("A", 2023, 1));
        assertEquals("A-2023-v1.md", new PublishedOriginal("text/markdown", "", new byte[0]).fileName("A", 2023, 1));
        assertEquals("A-2023-v1.txt", new PublishedOriginal("TEXT/PLAIN", "", new byte[0]).fileName("A", 2023, 1));
    }
}
