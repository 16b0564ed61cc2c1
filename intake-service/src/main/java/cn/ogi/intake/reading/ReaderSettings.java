package cn.ogi.intake.reading;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The bounds on reading a published report (PDF, HTML, Markdown, text) with report-reader ({@code intake.reader.*};
 * every key is also an environment variable, {@code intake.reader.max-bytes} → {@code INTAKE_READER_MAX_BYTES}).
 */
@ConfigMapping(prefix = "intake.reader")
public interface ReaderSettings {

    /** The largest published report read; larger ones are refused with 413 before they are read (bytes). */
    @WithDefault("20971520")
    int maxBytes();

    /** The most pages of a PDF read (422 {@code pdf-too-many-pages} beyond). */
    @WithDefault("200")
    int maxPdfPages();

    /** The most characters of text read from one document. */
    @WithDefault("2000000")
    int maxChars();

    /** The longest a PDF's text layer may take to extract (422 {@code pdf-unreadable} beyond; a duration). */
    @WithDefault("3S")
    Duration maxPdfTime();
}
