package cn.ogi.reader.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.reader.SourceForm;
import cn.ogi.reader.layout.Layout;
import cn.ogi.reader.layout.Line;
import cn.ogi.reader.layout.Piece;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mark for nothing printed between two numbers of a text whose cells run together ({@code 224无无6}, {@code 12 — 3})
 * is a blank cell of its own, so that the numbers around it keep their places; a run of dashes, which may be one long
 * dash or several, is no cell.
 */
class BlankMarksTest {

    private static String kinds(String text) {
        Layout layout = new Layout(SourceForm.TEXT, List.of(new Line(List.of(Piece.text(text)), 1)), null);
        StringBuilder kinds = new StringBuilder();
        for (Token t : Tokenizer.tokens(layout)) {
            kinds.append(
                            switch (t.type()) {
                                case NUMBER -> (t.minusOrMark() ? "±" : t.negative() ? "-" : "") + t.text();
                                case BLANK -> "_";
                                case LABEL -> "L";
                                default -> "?";
                            })
                    .append(' ');
        }
        return kinds.toString().strip();
    }

    @Test
    void eachMarkOfARunOfWuBetweenNumbersIsABlankCell() {
        assertEquals("L 224 _ _ 6 _ 8238", kinds("本年新收政府信息公开申请数量224无无6无8238"));
    }

    @Test
    void marksSeparatedBySpacesBetweenNumbersAreOneBlankCellEach() {
        assertEquals("L 12 _ 3 _ _ 5", kinds("行政许可12 — 3 / ／ 5"));
    }

    @Test
    void aRunOfDashesBetweenNumbersIsNoCell() {
        assertEquals("L 12 3", kinds("行政许可12 ——— 3")); // the dashes no cell: not the two blanks they may be
    }

    @Test
    void aDashRunTogetherBeforeDigitsAfterOtherTextIsAMarkOrAMinus() {
        assertEquals("L ±8", kinds("行政许可--8")); // the first dash label text: a blank cell that does not show
        assertEquals("L 5 ±8", kinds("行政许可5-8"));
        assertEquals("L 5 ±8", kinds("行政许可5 - 8"));
        assertEquals("L 5 ±8", kinds("行政许可5—8"));
    }

    @Test
    void aMinusSignOrAHyphenStartingItsPieceIsAMinus() {
        assertEquals("L 5 -8", kinds("行政许可5−8"));
        assertEquals("-8", kinds("-8"));
    }
}
