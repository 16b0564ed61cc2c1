package cn.ogi.intake.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lines are cut from the body a run of bytes at a time: whatever the sizes the body's reads return and wherever a
 * line crosses the reader's 64 KiB of read-ahead, every line is itself, numbered, bounded and decoded on its own.
 */
class NdjsonLinesTest {

    @Test
    void readsLinesThatCrossTheReadAheadAndReadsThatReturnFewBytes() {
        String longLine = "x".repeat(70_000);
        String body = "{\"a\":1}\r\n\n" + longLine + "\n" + "y".repeat(65_530) + "\n中文\nlast";
        List<String> expected = List.of("1 {\"a\":1}", "3 " + longLine, "4 " + "y".repeat(65_530), "5 中文", "6 last");

        assertEquals(expected, read(new ByteArrayInputStream(bytes(body)), 100_000));
        assertEquals(expected, read(trickling(bytes(body)), 100_000));
    }

    @Test
    void aLineOneByteOverTheBoundIsSkippedAndTheNextIsRead() {
        String body = "a".repeat(10) + "\n" + "b".repeat(11) + "\n" + "c".repeat(70_000) + "\nnext\n";

        List<String> lines = read(trickling(bytes(body)), 10);

        assertEquals(
                List.of(
                        "1 " + "a".repeat(10),
                        "2 the line is longer than 10 bytes; it was skipped",
                        "3 the line is longer than 10 bytes; it was skipped",
                        "4 next"),
                lines);
    }

    @Test
    void aLineThatIsNotUtf8IsThatLinesProblemOnly() {
        byte[] gbk = "中文".getBytes(java.nio.charset.Charset.forName("GBK"));
        byte[] body = concat(bytes("ok\n"), gbk, bytes("\nok again"));

        assertEquals(
                List.of("1 ok", "2 the line is not valid UTF-8 (a GBK or GB18030 export?)", "3 ok again"),
                read(new ByteArrayInputStream(body), 100));
    }

    @Test
    void anEmptyBodyHasNoLines() {
        assertNull(new NdjsonLines(new ByteArrayInputStream(new byte[0]), 100).next());
    }

    private static List<String> read(InputStream body, int maxBytes) {
        NdjsonLines lines = new NdjsonLines(body, maxBytes);
        List<String> read = new ArrayList<>();
        for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
            read.add(line.number() + " " + (line.text() != null ? line.text() : line.unreadable()));
        }
        return read;
    }

    /** A body whose reads return 1 to 7 bytes at a time, as a slow client's packets do. */
    private static InputStream trickling(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            private int next;

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + (next++ % 7)));
            }
        };
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
