package cn.ogi.reader.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.reader.SourceForm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A running header (页眉) printed at the top of every page is dropped after its first print; nothing else is. */
class RunningHeadersTest {

    private static final String TITLE = "某某县人民政府2023年政府信息公开工作年度报告";

    private static List<String> texts(String text) {
        return TextLayout.of(text, SourceForm.TEXT).texts();
    }

    @Test
    void theTitleRepeatedAtThePagesTopsBetweenATablesRowsIsDroppedAfterItsFirstPrint() {
        String text = String.join(
                "\n",
                "        " + TITLE,
                "  一、总体情况",
                "  （一）自然人      12     3",
                "                        -2-",
                "          " + TITLE,
                "  （二）法人或其他组织   4    5",
                "                        -3-",
                "          某某县人民政府2O23年政府信息公开工作年度 报告", // an OCR misread and a stray space
                "  （三）总计      16     8");

        List<String> texts = texts(text);

        assertEquals(1, texts.stream().filter(t -> t.contains("年度")).count(), texts.toString());
        assertEquals(TITLE, texts.get(0).strip());
        assertEquals(5, texts.size(), texts.toString()); // title, heading, three rows; the footers are gone too
    }

    @Test
    void aRepeatedLineThatNamesNoReportAndTheTitlePrintedOnceStay() {
        String text =
                String.join("\n", TITLE, "其他对外管理服务事项", "  12  3", "其他对外管理服务事项", "  4  5", "本报告中所列数据的统计期限自2023年1月1日起");

        List<String> texts = texts(text);

        assertEquals(6, texts.size(), texts.toString());
    }
}
