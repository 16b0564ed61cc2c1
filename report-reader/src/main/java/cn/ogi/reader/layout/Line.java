package cn.ogi.reader.layout;

import java.util.List;

/**
 * One line of the source as laid out: a table row (HTML {@code tr}, a pipe line), a line of text, or a line of a
 * PDF page.
 *
 * @param pieces the pieces in reading order
 * @param page   the 1-based page (PDF), or 0
 */
public record Line(List<Piece> pieces, int page) {

    public Line {
        pieces = List.copyOf(pieces);
    }

    /** The line's text, pieces separated by a space (prose reading). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Piece p : pieces) {
            if (p.kind() == Piece.Kind.MERGED || p.text().isBlank()) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(p.text().strip());
        }
        return sb.toString();
    }
}
