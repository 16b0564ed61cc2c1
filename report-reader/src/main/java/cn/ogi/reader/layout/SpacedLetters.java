package cn.ogi.reader.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * A label printed letter-spaced (字符间距加宽, or spread over its cell: 分散对齐) stands on the page as one character
 * after another at equal gaps, each gap wide enough to part two cells: {@code 行 政 许 可}. Such a run is one piece,
 * its characters joined. A run is pieces of one character each, two or more of them CJK characters other than 无
 * (which may stand alone for an empty cell: {@code 无 无 无} is three cells), the others an item number's ({@code 2 .}, {@code （ 三 ）}), at gaps equal within a
 * quarter of a character's width and no wider than {@link #WIDEST_GAP} of them. Digits spaced so inside a number
 * cell are not joined (which digits make one number is the columns' question).
 */
final class SpacedLetters {

    /** The widest gap between two letters of one label, in the letters' widths. */
    private static final double WIDEST_GAP = 1.6;

    private static final String ITEM_POINTS = ".、．";
    /** The punctuation of labels and item numbers: 3.危及“三安全一稳定”, （二）部分公开. */
    private static final String LABEL_PUNCTUATION = ".、．（）()“”‘’\"《》，,：:/";

    private SpacedLetters() {}

    static List<Piece> joined(List<Piece> pieces) {
        List<Piece> out = null;
        int i = 0;
        while (i < pieces.size()) {
            int end = runEnd(pieces, i);
            if (end - i >= 2) {
                if (out == null) {
                    out = new ArrayList<>(pieces.subList(0, i));
                }
                StringBuilder text = new StringBuilder();
                for (int k = i; k < end; k++) {
                    text.append(pieces.get(k).text());
                }
                out.add(new Piece(
                        text.toString(), pieces.get(i).x0(), pieces.get(end - 1).x1(), Piece.Kind.TEXT));
                i = end;
            } else {
                if (out != null) {
                    out.add(pieces.get(i));
                }
                i++;
            }
        }
        return out == null ? pieces : out;
    }

    /**
     * A piece's text with the spaces of a letter-spaced label taken out ({@code 行 政 许 可} → {@code 行政许可}) where
     * the piece is nothing else: characters one by one with a space between each two, two or more of them CJK other
     * than 无, no digit but an item number's before its point. Any other text is returned as it is.
     */
    static String compacted(String text) {
        int n = text.length();
        if (n < 3 || n % 2 == 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(n / 2 + 1);
        int han = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (i % 2 != 0) {
                if (c != ' ') {
                    return text;
                }
                continue;
            }
            if (!letter(c, i + 2 < n ? text.charAt(i + 2) : 0)) {
                return text;
            }
            han += countsTowardsALabel(c) ? 1 : 0;
            out.append(c);
        }
        return han >= 2 ? out.toString() : text;
    }

    /** The end (exclusive) of the run of spaced letters starting at {@code from}; {@code from + 1} if none. */
    private static int runEnd(List<Piece> pieces, int from) {
        int stop = from;
        double em = 0; // the widest CJK character's width among the candidates: the gaps are measured in it
        while (stop < pieces.size() && letter(pieces, stop)) {
            if (han(pieces.get(stop))) {
                em = Math.max(em, pieces.get(stop).x1() - pieces.get(stop).x0());
            }
            stop++;
        }
        if (stop - from < 2 || em <= 0) {
            return from + 1;
        }
        double firstGap = pieces.get(from + 1).x0() - pieces.get(from).x1();
        int end = from + 1;
        int han = han(pieces.get(from)) ? 1 : 0;
        while (end < stop) {
            double gap = pieces.get(end).x0() - pieces.get(end - 1).x1();
            if (gap > WIDEST_GAP * em || Math.abs(gap - firstGap) > em / 4) {
                break;
            }
            han += han(pieces.get(end)) ? 1 : 0;
            end++;
        }
        return han >= 2 ? end : from + 1;
    }

    /**
     * One character of a spaced label: a CJK character, the punctuation of an item number, or the item number's
     * digit right before its point ({@code 2 . 重 复 申 请}); never a number standing alone (a cell's).
     */
    private static boolean letter(List<Piece> pieces, int at) {
        Piece p = pieces.get(at);
        if (p.kind() != Piece.Kind.TEXT || !p.positioned() || p.text().length() != 1 || !(p.x1() > p.x0())) {
            return false;
        }
        String next = at + 1 < pieces.size() ? pieces.get(at + 1).text() : "";
        return letter(p.text().charAt(0), next.length() == 1 ? next.charAt(0) : 0);
    }

    /** One character of a spaced label, the character after it (0 if none) telling an item number's digit. */
    private static boolean letter(char c, char next) {
        if (Character.isDigit(c)) {
            return ITEM_POINTS.indexOf(next) >= 0;
        }
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || LABEL_PUNCTUATION.indexOf(c) >= 0;
    }

    private static boolean han(Piece p) {
        return p.text().length() == 1 && countsTowardsALabel(p.text().charAt(0));
    }

    /** A CJK character that counts towards a label: not 无, which may stand alone for an empty cell. */
    private static boolean countsTowardsALabel(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && c != '无';
    }
}
