package cn.ogi.reader.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A CJK font that PDFBox can embed (TrueType outlines; the OpenType/CFF collections of fonts-noto-cjk are not
 * embeddable by PDFBox). The Debian package {@code fonts-wqy-zenhei} provides the first candidate; the system
 * property {@code ogi.cjk.font} names another file.
 */
public final class CjkFont {

    public static final String DEBIAN_PACKAGE = "fonts-wqy-zenhei";

    private static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", // fonts-wqy-zenhei
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", // fonts-droid-fallback
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", // fonts-wqy-microhei
            "/usr/share/fonts/truetype/arphic/uming.ttc"); // fonts-arphic-uming

    private static final Optional<CjkFont> INSTALLED = find();

    private final Path path;
    private final byte[] bytes;
    // one instance per font file (INSTALLED), so one ThreadLocal: each test thread parses its own copy of the font
    @SuppressWarnings("ThreadLocalUsage")
    private final ThreadLocal<TrueTypeFont> perThread = new ThreadLocal<>();

    private CjkFont(Path path, byte[] bytes) {
        this.path = path;
        this.bytes = bytes;
    }

    /** The first usable font file, or empty when none is installed (PDF tests then skip, saying so). */
    public static Optional<CjkFont> installed() {
        return INSTALLED;
    }

    public Path path() {
        return path;
    }

    private static Optional<CjkFont> find() {
        String override = System.getProperty("ogi.cjk.font");
        List<String> paths = override == null ? CANDIDATES : List.of(override);
        for (String candidate : paths) {
            Path p = Path.of(candidate);
            if (!Files.isReadable(p)) {
                continue;
            }
            try {
                CjkFont font = new CjkFont(p, Files.readAllBytes(p));
                try (TrueTypeFont ttf = font.parse()) {
                    if (ttf.getUnicodeCmapLookup().getGlyphId('政') > 0
                            && ttf.getUnicodeCmapLookup().getGlyphId('7') > 0) {
                        return Optional.of(font);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not usable; try the next candidate
            }
        }
        return Optional.empty();
    }

    /** Parses the file (from memory). */
    private TrueTypeFont parse() throws IOException {
        if (!path.toString().endsWith(".ttc")) {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        }
        TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(bytes));
        AtomicReference<TrueTypeFont> first = new AtomicReference<>();
        collection.processAllFonts(f -> first.compareAndSet(null, f));
        return first.get();
    }

    /** Whether the font has a glyph for the character (a character it lacks cannot be written into a PDF with it). */
    public boolean draws(int codePoint) {
        try {
            return thisThreadsFont().getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The font embedded (subset) into the document; parsed once per thread, as fontbox is not thread-safe. */
    PDType0Font load(PDDocument doc) {
        try {
            return PDType0Font.load(doc, thisThreadsFont(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TrueTypeFont thisThreadsFont() throws IOException {
        TrueTypeFont ttf = perThread.get();
        if (ttf == null) {
            ttf = parse();
            perThread.set(ttf);
        }
        return ttf;
    }
}
