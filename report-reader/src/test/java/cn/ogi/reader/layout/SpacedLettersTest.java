package cn.ogi.reader.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Letter-spaced labels are one piece again; cells that only look like letters are not joined. */
class SpacedLettersTest {

    /** One piece per character, each {@code width} wide and {@code gap} after the one before. */
    private static List<Piece> spaced(String chars, double width, double gap) {
        List<Piece> pieces = new ArrayList<>();
        double x = 100;
        for (int i = 0; i < chars.length(); i++) {
            pieces.add(new Piece(String.valueOf(chars.charAt(i)), x, x + width, Piece.Kind.TEXT));
            x += width + gap;
        }
        return pieces;
    }

    private static List<String> texts(List<Piece> pieces) {
        return SpacedLetters.joined(pieces).stream().map(Piece::text).toList();
    }

    @Test
    void aLabelSpacedACellsGapApartIsOnePieceWithItsItemNumber() {
        List<Piece> row = new ArrayList<>(spaced("2.重复申请", 9, 8));
        row.add(new Piece("17", 300, 310, Piece.Kind.TEXT));

        assertEquals(List.of("2.重复申请", "17"), texts(row));
    }

    @Test
    void emptyCellsPrintedAsNoneAndNumbersInTheirColumnsStayApart() {
        assertEquals(List.of("无", "无", "无"), texts(spaced("无无无", 9, 8)));
        assertEquals(List.of("1", "2", "3"), texts(spaced("123", 5, 8)));
        assertEquals(List.of("规", "章"), texts(spaced("规章", 9, 60))); // a column apart, not a label's gap
    }

    @Test
    void aPieceOfSpacedLettersLosesItsSpacesAndNothingElseDoes() {
        assertEquals("3.危及“三安全一稳定”", SpacedLetters.compacted("3 . 危 及 “ 三 安 全 一 稳 定 ”"));
        assertEquals("（四）无法提供", SpacedLetters.compacted("（ 四 ） 无 法 提 供"));
        assertEquals("1 2 3", SpacedLetters.compacted("1 2 3"));
        assertEquals("无 无 无", SpacedLetters.compacted("无 无 无"));
        assertEquals("行政许可 12", SpacedLetters.compacted("行政许可 12"));
    }
}
