package cn.ogi.reader.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.text.TextPosition;

/**
 * The characters of one page drawn so far, by character and place, to tell a glyph drawn again a fraction of its width
 * away (another stroke of fake bold) from the next character of the text: two copies of a character stand at least a
 * glyph's width apart when they are two characters, a small part of it when they are one drawn twice.
 */
final class Strokes {

    /** The side of a square of the page in which drawn characters are looked up, in points. */
    private static final double SQUARE = 4;
    /**
     * How far apart two strokes of one glyph may stand, in font sizes, also for a glyph as narrow as a decimal point
     * (never more than 0.6 of the glyph's width: two characters stand a whole width apart).
     */
    private static final double STROKE_EM = 0.12;

    private record Place(String character, long square) {}

    private final Map<Place, List<TextPosition>> seen = new HashMap<>();

    /** Whether no copy of this character was drawn before at nearly its place (every call remembers the glyph). */
    boolean firstAt(TextPosition glyph) {
        double x = glyph.getXDirAdj();
        double y = glyph.getYDirAdj();
        double width = glyph.getWidthDirAdj();
        double near = Math.min(Math.max(width / 3, STROKE_EM * glyph.getFontSizeInPt()), Math.min(0.6 * width, SQUARE));
        long sx = (long) Math.floor(x / SQUARE);
        long sy = (long) Math.floor(y / SQUARE);
        boolean first = true;
        if (near > 0) {
            for (long dx = -1; dx <= 1 && first; dx++) {
                for (long dy = -1; dy <= 1 && first; dy++) {
                    List<TextPosition> here = seen.get(new Place(glyph.getUnicode(), square(sx + dx, sy + dy)));
                    first = here == null || !anyNear(here, x, y, near);
                }
            }
        }
        // every stroke is remembered, so that a third stroke is told by the second one beside it
        seen.computeIfAbsent(new Place(glyph.getUnicode(), square(sx, sy)), p -> new ArrayList<>(2))
                .add(glyph);
        return first;
    }

    void clear() {
        seen.clear();
    }

    private static boolean anyNear(List<TextPosition> glyphs, double x, double y, double near) {
        for (TextPosition g : glyphs) {
            if (Math.abs(g.getXDirAdj() - x) < near && Math.abs(g.getYDirAdj() - y) < near) {
                return true;
            }
        }
        return false;
    }

    private static long square(long sx, long sy) {
        return (sx << 32) ^ (sy & 0xffffffffL);
    }
}
