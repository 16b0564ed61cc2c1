package cn.ogi.reader.layout;

/**
 * A piece of text as placed in the source: a table cell, or a run of text on a line between wide gaps.
 *
 * @param text the text (normalized)
 * @param x0   where it starts on the line (character column for text layouts, points for a PDF), or NaN
 * @param x1   where it ends, or NaN
 * @param kind what kind of piece it is
 */
public record Piece(String text, double x0, double x1, Kind kind) {

    public enum Kind {
        /** A bounded cell whose emptiness is visible (an HTML {@code td}, a pipe-separated cell). */
        CELL,
        /** Text between wide gaps (a text layout, a PDF line), or a paragraph. */
        TEXT,
        /** A grid position covered by a numeric cell spanning rows from above: the form's cell is not stated. */
        MERGED,
        /** An empty cell at the start of a scraped row: a blank cell, or the scrape's border ({@code | a | b |}). */
        EDGE
    }

    public static Piece text(String text) {
        return new Piece(text, Double.NaN, Double.NaN, Kind.TEXT);
    }

    public static Piece cell(String text) {
        return new Piece(text, Double.NaN, Double.NaN, Kind.CELL);
    }

    public boolean positioned() {
        return !Double.isNaN(x0);
    }
}
