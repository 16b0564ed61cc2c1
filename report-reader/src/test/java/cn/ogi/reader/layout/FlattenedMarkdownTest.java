package cn.ogi.reader.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A Markdown conversion stored or scraped on one line gets its table rows back — only where that is unmistakable. */
class FlattenedMarkdownTest {

    @Test
    void cutsTheHeaderTheSeparatorAndEveryRowOfEachTableWhereTheirEdgesAreText() {
        String flat = "### 行政复议 | 结果维持 | 总计 | |---|---| | 27 | 61 | ### 行政诉讼 | 结果维持 | 总计 |"
                + " |:---:|---| | 3 | 3 | | 0 | 0 | ## 五、存在的主要问题";

        assertEquals(
                "### 行政复议 \n| 结果维持 | 总计 |\n \n|---|---|\n \n| 27 | 61 |\n ### 行政诉讼 \n| 结果维持 | 总计 |\n \n"
                        + "|:---:|---|\n \n| 3 | 3 |\n \n| 0 | 0 |\n ## 五、存在的主要问题",
                TextLayout.withMarkdownRows(flat));
    }

    @Test
    void cellsWithTheirCountingWordAreNumberCellsToo() {
        // a row of another width whose number carries 件: still a number cell at the table's edge, so left as it was
        String flat = "表二 | 类别 | 总计 | |---|---| | 一、新收 | 9件 | | 三、办理结果 | （一）予以公开 | 9件 | 四、";

        assertEquals(flat, TextLayout.withMarkdownRows(flat));
    }

    @Test
    void leavesATableAsItWasWhereARowOfAnotherWidthWouldBeCutInTheMiddle() {
        // the third row has a group label cell more than the separator says: cut at two cells, "9 |" would be left
        // over as a row of its own
        String flat = "表二 | 类别 | 总计 | |---|---| | 一、新收 | 9 | | 三、办理结果 | （一）予以公开 | 9 | 四、";

        assertEquals(flat, TextLayout.withMarkdownRows(flat));
    }

    @Test
    void leavesTextWithoutAnEmbeddedSeparatorAndAPipeScrapeWithBlankMarksAsTheyAre() {
        String scrape = "规章 | -- | -- | -- | 行政规范性文件 | 3 | 0 | 12 |";
        String lines = "| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 3 |";

        assertEquals(scrape, TextLayout.withMarkdownRows(scrape));
        assertEquals(lines, TextLayout.withMarkdownRows(lines));
    }
}
