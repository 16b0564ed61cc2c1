package cn.ogi.reader.render;

import java.util.List;
import java.util.Random;

/**
 * The frame a government site's CMS prints around an article (a habit of the site, the same in every copy of the
 * page): the article's 索引号, publisher, publication time and read counter above it, print and close links and the
 * site's footer (网站标识码, ICP and 公安 registration numbers) under it — text full of digits that are no cells. The
 * web page itself also has the CMS's scripts, styles and comments, the article in a layout table, and its tables
 * with a {@code <colgroup>} and, on some sites, their header rows in a {@code <table>} of their own.
 */
final class CmsPage {

    private final List<String> before;
    private final List<String> after;
    final boolean splitHeader;
    final boolean colgroup;
    final int hits;

    CmsPage(GeneratedReport report, long seed) {
        Random rnd = new Random(seed);
        int year = report.truth().year() + 1;
        String agency = report.truth().agencyName();
        hits = rnd.nextInt(3) == 0 ? rnd.nextInt(100) : rnd.nextInt(20_000);
        String index = "11" + digits(rnd, 15) + "X/" + year + "-" + String.format("%05d", rnd.nextInt(100_000));
        String time = year + "-0" + (1 + rnd.nextInt(3)) + "-" + (10 + rnd.nextInt(18)) + " " + (8 + rnd.nextInt(10))
                + ":" + (10 + rnd.nextInt(50)) + ":" + (10 + rnd.nextInt(50));
        before = rnd.nextBoolean()
                ? List.of(
                        "首页 > 政务公开 > 政府信息公开年报",
                        "索引号：" + index,
                        "发布机构：" + agency,
                        "发布日期：" + time,
                        "浏览次数：" + hits,
                        "字号：[ 大 中 小 ]")
                : List.of("当前位置：首页 > 信息公开 > 年度报告", "发布时间：" + time + "  来源：" + agency + "  阅读次数：" + hits);
        after = List.of(
                "【打印本页】 【关闭窗口】",
                "主办单位：" + agency + "  网站标识码：" + digits(rnd, 10),
                "ICP备" + digits(rnd, 8) + "号  公网安备 " + digits(rnd, 14) + "号");
        splitHeader = rnd.nextBoolean();
        colgroup = rnd.nextBoolean();
    }

    /** The frame's lines above the article. */
    List<String> before() {
        return before;
    }

    /** The frame's lines under the article. */
    List<String> after() {
        return after;
    }

    /** The web page's head and everything above the article, up to where the article's own markup starts. */
    String htmlHead(String title, String nl) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(title)
                .append("</title>")
                .append(nl)
                .append("<style type=\"text/css\">.TRS_Editor P{margin-top:2px;line-height:1.8;font-size:12pt;}"
                        + " table.MsoNormalTable td{padding:0 5.4pt 0 5.4pt;width:72.35pt}</style>")
                .append(nl)
                .append("<script type=\"text/javascript\">var _hits = ")
                .append(hits)
                .append(
                        "; var pageSize = 20; if (1 < 2 && pageSize > 10) { document.title = document.title; }</script>")
                .append(nl)
                .append(
                        "</head><body><!-- 头部 2023-10-12 --><div class=\"header\"><ul><li>首页</li><li>政务公开</li></ul></div>")
                .append(nl)
                .append(
                        "<table width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\" class=\"layout\"><tr><td>")
                .append(nl);
        for (String line : before) {
            String hitsText = String.valueOf(hits);
            String text = line.replace(">", "&gt;");
            out.append("<div class=\"info\">")
                    .append(
                            text.endsWith(hitsText)
                                    ? text.substring(0, text.length() - hitsText.length()) + "<span id=\"hits\">"
                                            + hitsText + "</span>"
                                    : text)
                    .append("</div>")
                    .append(nl);
        }
        out.append("</td></tr><tr><td><!--正文开始--><div class=\"TRS_Editor\">").append(nl);
        return out.toString();
    }

    /** The web page after the article: the frame's footer, a counter script, the end of the layout table. */
    String htmlTail(String nl) {
        StringBuilder out = new StringBuilder("</div><!--正文结束--></td></tr></table>").append(nl);
        for (String line : after) {
            out.append("<div class=\"footer\">").append(line).append("</div>").append(nl);
        }
        out.append("<script>var _t = new Date().getTime() - 86400000 * 3; _hits++;</script></body></html>");
        return out.toString();
    }

    private static String digits(Random rnd, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(rnd.nextInt(10));
        }
        return s.toString();
    }
}
