package cn.ogi.reader.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * Pages of text and lines at coordinates, collected first and written at the end, so that a table cell spanning a
 * page break can be drawn on both pages. A4, origin at the bottom left, in points.
 */
final class PdfCanvas implements AutoCloseable {

    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN = 64;
    static final float BOTTOM = 70;

    private sealed interface Op permits Text, Line {}

    private record Text(float x, float y, float size, String text) implements Op {}

    private record Line(float x1, float y1, float x2, float y2) implements Op {}

    private final PDDocument doc = new PDDocument();
    private final PDType0Font font;
    private final List<List<Op>> pages = new ArrayList<>();
    private Radicals radicals;
    private float[] overprints = new float[0];
    private String watermark;
    private float watermarkAngle;

    PdfCanvas(CjkFont cjk) {
        font = cjk.load(doc);
        newPage();
    }

    /** Writes every text drawn (before or after this call) as a word processor's export gives it: some characters as radicals. */
    void printWith(Radicals printed) {
        radicals = printed;
    }

    /**
     * Draws every text again at each of the given horizontal offsets (points): the "fake bold" of a word processor or
     * PDF printer that has no bold face of the font, which puts every glyph into the text layer once per stroke.
     */
    void overprint(float... offsets) {
        overprints = offsets.clone();
    }

    /** Writes a large watermark across every page at the given angle (degrees), under the page's text. */
    void watermark(String text, float degrees) {
        watermark = text;
        watermarkAngle = degrees;
    }

    int newPage() {
        pages.add(new ArrayList<>());
        return pages.size() - 1;
    }

    int pageCount() {
        return pages.size();
    }

    float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void text(int page, float x, float y, float size, String text) {
        if (!text.isEmpty()) {
            pages.get(page).add(new Text(x, y, size, text));
        }
    }

    void line(int page, float x1, float y1, float x2, float y2) {
        pages.get(page).add(new Line(x1, y1, x2, y2));
    }

    /** Splits text into lines no wider than {@code width}. */
    List<String> wrap(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        float used = 0;
        for (int i = 0; i < text.length(); i++) {
            float w = width(String.valueOf(text.charAt(i)), size);
            if (used + w > width && current.length() > 0) {
                int keep = current.length();
                while (keep > current.length() / 2
                        && Page.isNumberChar(text.charAt(i))
                        && Page.isNumberChar(current.charAt(keep - 1))) {
                    keep--; // a number is not broken across lines
                }
                if (keep <= current.length() / 2) {
                    keep = current.length();
                }
                String carried = current.substring(keep);
                lines.add(current.substring(0, keep));
                current.setLength(0);
                current.append(carried);
                used = width(carried, size);
            }
            current.append(text.charAt(i));
            used += w;
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }

    byte[] finish() {
        try {
            for (List<Op> ops : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.setLineWidth(0.6f);
                    for (Op op : ops) {
                        if (op instanceof Line l) {
                            cs.moveTo(l.x1(), l.y1());
                            cs.lineTo(l.x2(), l.y2());
                            cs.stroke();
                        }
                    }
                    if (watermark != null) {
                        drawWatermark(cs);
                    }
                    for (Op op : ops) {
                        if (op instanceof Text t) {
                            String shown = radicals == null ? t.text() : radicals.print(t.text());
                            show(cs, t.x(), t.y(), t.size(), shown);
                            for (float dx : overprints) {
                                show(cs, t.x() + dx, t.y(), t.size(), shown);
                            }
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void show(PDPageContentStream cs, float x, float y, float size, String text) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    private void drawWatermark(PDPageContentStream cs) throws IOException {
        float size = 48;
        double angle = Math.toRadians(watermarkAngle);
        float length = width(watermark, size);
        float x = (float) (WIDTH / 2 - Math.cos(angle) * length / 2);
        float y = (float) (HEIGHT / 2 - Math.sin(angle) * length / 2);
        cs.setNonStrokingColor(0.85f);
        cs.beginText();
        cs.setFont(font, size);
        cs.setTextMatrix(Matrix.getRotateInstance(angle, x, y));
        cs.showText(watermark);
        cs.endText();
        cs.setNonStrokingColor(0f);
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
