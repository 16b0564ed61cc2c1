package cn.ogi.intake.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads NDJSON one line at a time from a stream, never holding more than one line: a line longer
 * than the bound is skipped to its end and reported as too long. Blank lines are skipped but counted.
 */
public final class NdjsonLines {

    /** One line: its number (from 1), its text, or why it could not be read. */
    public record Line(int number, String text, String unreadable) {}

    private final Reader reader;
    private final int maxChars;
    private int number;
    private boolean ended;

    public NdjsonLines(InputStream body, int maxChars) {
        this.reader = new InputStreamReader(
                body,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        this.maxChars = maxChars;
    }

    /** The next non-blank line, or null at the end of the stream. */
    public Line next() {
        while (!ended) {
            Line line = readLine();
            if (line != null && (line.unreadable() != null || !line.text().isBlank())) {
                return line;
            }
        }
        return null;
    }

    private Line readLine() {
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        number++;
        try {
            while (true) {
                int c = reader.read();
                if (c == -1) {
                    ended = true;
                    break;
                }
                if (c == '\n') {
                    break;
                }
                if (text.length() < maxChars) {
                    text.append((char) c);
                } else {
                    tooLong = true;
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            ended = true;
            return new Line(number, null, "the body is not valid UTF-8 from this line on; nothing after it was read");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tooLong) {
            return new Line(number, null, "line longer than " + maxChars + " characters");
        }
        return new Line(number, text.toString(), null);
    }
}
