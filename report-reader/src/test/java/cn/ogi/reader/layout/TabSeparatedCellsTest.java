package cn.ogi.reader.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabSeparatedCellsTest {

    private static final List<String> ROWS = List.of(
            "一、本年新收政府信息公开申请数量\t12\t3\t\t\t\t1\t16",
            "二、上年结转政府信息公开申请数量\t\t\t\t\t\t\t",
            "三、本年度办理结果\t(一)予以公开\t5\t1\t\t\t\t\t6",
            "(二)部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t\t\t\t\t\t1",
            "(三)不予公开\t1.属于国家秘密\t\t\t\t\t\t\t",
            "2.其他法律行政法规禁止公开\t4\t\t\t\t\t\t4",
            "3.危及“三安全一稳定”\t2\t\t\t\t\t\t2",
            "(七)总计\t12\t4\t\t\t\t1\t17");

    @Test
    void aTableCopiedWithTabsKeepsEveryEmptyCellAsARowOfCells() {
        String copy = "表二\n" + String.join("\r\n", ROWS) + "\n\t四、政府信息公开行政复议、行政诉讼情况";

        String rows = TabSeparatedCells.asPipeRows(copy);

        List<String> lines = List.of(rows.split("\n", -1));
        assertEquals("表二", lines.get(0));
        assertEquals("二、上年结转政府信息公开申请数量||||||||", lines.get(2), "seven empty cells after the label");
        assertEquals("2.其他法律行政法规禁止公开|4||||||4|", lines.get(6));
        assertEquals("|四、政府信息公开行政复议、行政诉讼情况|", lines.get(lines.size() - 1));
    }

    @Test
    void aCopyWhoseLinesEndInACarriageReturnAloneIsReadTheSame() {
        String copy = "表二\r" + String.join("\r", ROWS) + "\r\t四、政府信息公开行政复议、行政诉讼情况";

        List<String> lines = List.of(TabSeparatedCells.asPipeRows(copy).split("\n", -1));

        assertEquals("二、上年结转政府信息公开申请数量||||||||", lines.get(2), "seven empty cells after the label");
        assertEquals("2.其他法律行政法规禁止公开|4||||||4|", lines.get(6));
    }

    @Test
    void aCopyWhoseNumbersCarryTheirCountingWordIsACopyToo() {
        List<String> counted = new ArrayList<>();
        for (String row : ROWS) {
            counted.add(row.replaceAll("(\\d+)(?=\t|$)", "$1件"));
        }

        List<String> lines =
                List.of(TabSeparatedCells.asPipeRows(String.join("\n", counted)).split("\n", -1));

        assertEquals("2.其他法律行政法规禁止公开|4件||||||4件|", lines.get(5));
    }

    @Test
    void tabsTypedToLineColumnsUpAreLeftAsTheyAre() {
        List<String> typed = new ArrayList<>();
        for (String row : ROWS) {
            typed.add(row.replaceAll("\t+", "\t\t")); // a run of tabs where one gap is meant
        }
        String text = String.join("\n", typed);

        assertEquals(text, TabSeparatedCells.asPipeRows(text));
    }

    @Test
    void aTextWithPipesOfItsOwnOrTooFewRowsIsLeftAsItIs() {
        String withPipes = String.join("\n", ROWS) + "\n| 行政复议 | 行政诉讼 |";
        String fewRows = String.join("\n", ROWS.subList(0, 5)); // four rows with numbers

        assertEquals(withPipes, TabSeparatedCells.asPipeRows(withPipes));
        assertEquals(fewRows, TabSeparatedCells.asPipeRows(fewRows));
    }
}
