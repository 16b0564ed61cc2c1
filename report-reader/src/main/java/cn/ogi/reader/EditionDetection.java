package cn.ogi.reader;

import cn.ogi.form.edition.Editions;
import cn.ogi.reader.table.CellBook;
import cn.ogi.reader.table.Regions;
import cn.ogi.reader.table.Token;
import cn.ogi.reader.text.Normalizer;
import java.util.List;

/** Which edition of the form a report is (see {@link PublishedReportReader}): by its table headers, else its year. */
final class EditionDetection {

    private EditionDetection() {}

    /**
     * The edition of the report ("2019", "2021" or "legacy"), noted in the book: from its table headers, else its
     * year; a report without tables is a legacy one if it is one at all.
     */
    static String of(Editions editions, List<Token> tokens, Regions regions, Integer year, String text, CellBook book) {
        // Before 2019 no report printed the form's tables: 行政复议 … 审结 alone is the prose of a legacy report
        boolean legacyProseOfReviews = regions.t1() < 0 && regions.t2() < 0 && year != null && year < 2019;
        if (!regions.any() || legacyProseOfReviews) {
            if (year != null && year >= 2019) {
                String expected = editions.forYear(year).id();
                throw new UnreadableReportException(
                        "no-tables",
                        "edition " + expected + " report for " + year + ": no tables found (looked for"
                                + " 第二十条第（一）项 / 信息内容, 本年新收政府信息公开申请数量 after 本列数据的勾稽关系 /"
                                + " 申请人情况, and 行政复议 with its result columns)");
            }
            if (!text.contains("政府信息公开") && !text.contains("信息公开")) {
                throw new UnreadableReportException(
                        "not-a-report",
                        "not a government information disclosure annual report: the text contains neither the words"
                                + " 政府信息公开 nor any of the report's tables");
            }
            if (year == null) {
                throw new UnreadableReportException(
                        "no-year",
                        "no reporting year found (no '…年…报告' title and no 统计期限 sentence) and no tables: cannot"
                                + " tell which report this is");
            }
            book.note(
                    ReadNote.EDITION_DETECTED,
                    List.of("edition"),
                    (legacyProseOfReviews ? "no Table 1 or 2 (行政复议 named in the prose)" : "no tables") + " and year "
                            + year + ": legacy report read from its prose");
            return "legacy";
        }
        String fromHeaders = editionFromHeaders(tokens, regions.first(), regions.end());
        String byYear =
                year == null || year < 2019 ? null : editions.forYear(year).id();
        if (fromHeaders != null) {
            book.note(
                    ReadNote.EDITION_DETECTED,
                    List.of("edition"),
                    "edition " + fromHeaders + " from the table headers"
                            + (byYear != null && !byYear.equals(fromHeaders)
                                    ? " (the year " + year + " would use edition " + byYear + ")"
                                    : ""));
            return fromHeaders;
        }
        String chosen = byYear != null ? byYear : year != null ? "2019" : "2021";
        book.note(
                ReadNote.EDITION_DETECTED,
                List.of("edition"),
                "table headers do not name the edition; edition " + chosen
                        + (byYear != null ? " from the year " + year : " assumed"));
        return chosen;
    }

    /** "2021", "2019" or null, from the words of the table headers. */
    private static String editionFromHeaders(List<Token> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
            if (tokens.get(i).type() == Token.Type.LABEL) {
                sb.append(Normalizer.compact(tokens.get(i).text()));
            }
        }
        String c = sb.toString();
        int e2021 = count(c, "制发件数", "废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "逾期不补正", "收费通知");
        int e2019 = count(c, "新制作数量", "新公开数量", "对外公开总数量", "上一年项目数量", "采购项目数量", "采购总金额");
        if (e2021 == e2019) {
            return null;
        }
        return e2021 > e2019 ? "2021" : "2019";
    }

    private static int count(String c, String... words) {
        int k = 0;
        for (String w : words) {
            if (c.contains(w)) {
                k++;
            }
        }
        return k;
    }
}
