package cn.ogi.intake.parse;

import java.util.List;

/**
 * Finds the three tables in the report's lines by their headings and headers, and reads the edition from the
 * headers of Table 1 ({@code 本年制发件数} → 2021, {@code 本年新制作数量} → 2019).
 *
 * @param t1 first line of Table 1 (主动公开), or -1
 * @param t2 first line of Table 2 (收到和处理申请), or -1
 * @param t3 first line of Table 3 (行政复议、行政诉讼), or -1
 * @param end line after Table 3 (or after the last table found)
 */
record TableLocator(int t1, int t2, int t3, int end) {

    private static final int MAX_TABLE_LINES = 200;

    static TableLocator locate(List<String> compact) {
        int n = compact.size();
        int t1 = firstOf(compact, 0, n, "第二十条第");
        int header = firstOf(compact, 0, n, "信息内容");
        if (header >= 0
                && (t1 < 0 || header < t1)
                && containsAny(compact.get(header), "制发件数", "新制作数量", "处理决定数量", "上一年项目数量")) {
            t1 = header;
        }
        int from2 = Math.max(t1, 0);
        int t2 = -1;
        for (int i = from2; i < n; i++) {
            String c = compact.get(i);
            if ((c.contains("收到和处理政府信息公开申请") && c.length() < 40)
                    || c.contains("本列数据的勾稽关系")
                    || c.contains("本年新收政府信息公开申请数量")
                    || (c.startsWith("申请人情况") && c.length() < 12)) {
                t2 = i;
                break;
            }
        }
        int from3 = Math.max(Math.max(t2, t1), 0);
        int t3 = -1;
        for (int i = from3; i < n; i++) {
            String c = compact.get(i);
            boolean review = c.contains("行政复议") || (c.contains("复议") && c.contains("诉讼")); // 行政法复议 typos too
            if ((review && (c.length() < 40 || c.contains("行政诉讼"))) || c.startsWith("结果维持")) {
                t3 = i;
                break;
            }
        }
        int last = Math.max(Math.max(t1, t2), t3);
        int end = n;
        if (last >= 0) {
            end = Math.min(n, last + (t3 >= 0 ? 60 : MAX_TABLE_LINES));
            for (int i = last + 1; i < n; i++) {
                String c = compact.get(i);
                if (c.length() < 60 && (c.contains("主要问题") || c.contains("其他需要报告"))) {
                    end = Math.min(end, i);
                    break;
                }
            }
        }
        return new TableLocator(t1, t2, t3, end);
    }

    /** Table 3 without the other tables counts only with its column headers (legacy prose names 行政复议 too). */
    boolean hasReviewHeader(List<String> compact) {
        for (int i = Math.max(t3, 0); t3 >= 0 && i < Math.min(end, compact.size()); i++) {
            if (compact.get(i).contains("结果维持") || compact.get(i).contains("尚未审结")) {
                return true;
            }
        }
        return false;
    }

    int t1End() {
        return t2 >= 0 ? t2 : t3 >= 0 ? t3 : end;
    }

    int t2End() {
        return t3 >= 0 ? t3 : end;
    }

    /** "2021", "2019" or null, from the words of the table headers between {@code from} and {@code to}. */
    static String editionFromHeaders(List<String> compact, int from, int to) {
        int e2021 = 0;
        int e2019 = 0;
        for (int i = Math.max(0, from); i < Math.min(to, compact.size()); i++) {
            String c = compact.get(i);
            e2021 += count(c, "制发件数", "废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "逾期不补正", "收费通知");
            e2019 += count(c, "新制作数量", "新公开数量", "对外公开总数量", "上一年项目数量", "采购项目数量", "采购总金额");
        }
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

    private static boolean containsAny(String c, String... words) {
        return count(c, words) > 0;
    }

    private static int firstOf(List<String> compact, int from, int to, String word) {
        for (int i = from; i < to; i++) {
            if (compact.get(i).contains(word)) {
                return i;
            }
        }
        return -1;
    }
}
