package cn.ogi.reader.table;

import cn.ogi.reader.text.Labels;
import java.util.List;

/**
 * Where the three tables are in the token stream, found by the words only the tables print: Table 2 by its first
 * row label (本年新收政府信息公开申请数量) followed by numbers, with its header (本列数据的勾稽关系 / 申请人情况) just
 * before; Table 3 by 行政复议 followed by 诉讼 or the result words; Table 1 by 第二十条 (or its 信息内容 header)
 * before Table 2. The introduction names the tables too ("全文包括…收到和处理政府信息公开申请情况…"), which is why
 * no heading alone starts a table.
 *
 * @param t1  first token of Table 1, or -1
 * @param t2  first token of Table 2, or -1
 * @param t3  first token of Table 3, or -1
 * @param end token after the last table
 */
public record Regions(int t1, int t2, int t3, int end) {

    private static final String FIRST_ROW = "本年新收政府信息公开申请数量";
    private static final List<String> T2_HEADERS = List.of("本列数据的勾稽关系", "申请人情况", "收到和处理政府信息公开申请情况");
    private static final List<String> T3_WORDS = List.of("诉讼", "维持", "纠正", "审结");
    private static final List<String> SENTENCE_MARKS = List.of("，", "；", "。", ",", ";");
    private static final List<String> AFTER_TABLES = List.of("主要问题", "改进情况", "其他需要报告", "其它需要报告", "存在的问题");
    private static final List<String> T1_HEADERS = List.of("制发件数", "新制作数量", "处理决定数量", "上一年项目数量");

    public static Regions locate(List<Token> tokens) {
        int n = tokens.size();
        int firstRow = -1;
        for (int i = 0; i < n && firstRow < 0; i++) {
            if (isLabel(tokens, i)
                    && Labels.mentions(compact(tokens, i), FIRST_ROW, 0.85)
                    && valueWithin(tokens, i, 14)) {
                firstRow = i;
            }
        }
        int t1 = table1(tokens, firstRow >= 0 ? firstRow : n);
        int t2 = firstRow;
        if (firstRow >= 0) {
            // the nearest header before the first row (the introduction names the table too, further up)
            for (int i = firstRow - 1; i >= Math.max(t1 + 1, firstRow - 40); i--) {
                if (isLabel(tokens, i)
                        && containsAny(compact(tokens, i), T2_HEADERS)
                        && fewValuesBetween(tokens, i, firstRow)) {
                    t2 = i;
                }
            }
        }
        int from3 = Math.max(firstRow, 0);
        int t3 = -1;
        for (int i = from3; i < n && t3 < 0; i++) {
            if (isLabel(tokens, i)
                    && compact(tokens, i).contains("复议")
                    && reviewWordsFollow(tokens, i, firstRow >= 0)
                    && (firstRow >= 0 || !sentencesFollow(tokens, i))) {
                t3 = i;
            }
        }
        int last = Math.max(Math.max(t1, t2), t3);
        int end = n;
        if (t3 >= 0 && t3 == last && beforeNextSection(compact(tokens, t3)).contains("复议")) {
            // the next section's heading inside Table 3's own token (a text run together: …尚未审结总计五、存在的主要
            // 问题…): the table ends with it, and a number further on (the fee in section 六) is not its
            end = t3 + 1;
        } else if (last >= 0) {
            for (int i = last + 1; i < n; i++) {
                if (isLabel(tokens, i) && containsAny(compact(tokens, i), AFTER_TABLES) && (t3 < 0 || i > t3)) {
                    end = i;
                    break;
                }
            }
        }
        return new Regions(t1, t2, t3, end);
    }

    /** The first heading of Table 1 before token {@code limit} (第二十条第, or 信息内容 beside its columns), or -1. */
    private static int table1(List<Token> tokens, int limit) {
        for (int i = 0; i < limit; i++) {
            if (!isLabel(tokens, i)) {
                continue;
            }
            String c = compact(tokens, i);
            if (c.contains("第二十条第") || (c.contains("信息内容") && containsAny(c + next(tokens, i), T1_HEADERS))) {
                return i;
            }
        }
        return -1;
    }

    /** The part of a compact label before the heading of the sections after the tables (主要问题 …), or "". */
    static String beforeNextSection(String compact) {
        int cut = -1;
        for (String word : AFTER_TABLES) {
            int at = compact.indexOf(word);
            cut = at >= 0 && (cut < 0 || at < cut) ? at : cut;
        }
        return cut < 0 ? "" : compact.substring(0, cut);
    }

    public boolean any() {
        return t1 >= 0 || t2 >= 0 || t3 >= 0;
    }

    public int t1End() {
        return t2 >= 0 ? t2 : t3 >= 0 ? t3 : end;
    }

    public int t2End() {
        return t3 >= 0 ? t3 : end;
    }

    public int first() {
        int f = Integer.MAX_VALUE;
        for (int v : new int[] {t1, t2, t3}) {
            if (v >= 0) {
                f = Math.min(f, v);
            }
        }
        return f == Integer.MAX_VALUE ? end : f;
    }

    private static boolean isLabel(List<Token> tokens, int i) {
        return tokens.get(i).type() == Token.Type.LABEL;
    }

    private static String compact(List<Token> tokens, int i) {
        return Labels.compact(tokens.get(i).text());
    }

    private static String next(List<Token> tokens, int i) {
        StringBuilder sb = new StringBuilder();
        for (int k = i + 1; k < Math.min(tokens.size(), i + 4); k++) {
            if (isLabel(tokens, k)) {
                sb.append(compact(tokens, k));
            }
        }
        return sb.toString();
    }

    private static boolean valueWithin(List<Token> tokens, int i, int distance) {
        for (int k = i + 1; k < Math.min(tokens.size(), i + 1 + distance); k++) {
            if (tokens.get(k).isValue()) {
                return true; // a number, or an empty cell of a row printed blank
            }
        }
        return false;
    }

    private static boolean fewValuesBetween(List<Token> tokens, int from, int to) {
        int values = 0;
        for (int k = from; k < to; k++) {
            if (tokens.get(k).type() == Token.Type.NUMBER) {
                values++;
            }
        }
        return values <= 12; // a header may carry a few (数据1 … 数据6), never the rows of another table
    }

    /** Without Table 2 before it, 行政复议 starts Table 3 only when its column headers follow (prose names both). */
    private static boolean reviewWordsFollow(List<Token> tokens, int i, boolean afterTable2) {
        StringBuilder sb = new StringBuilder(compact(tokens, i));
        for (int k = i + 1; k < Math.min(tokens.size(), i + 40) && sb.length() < 400; k++) {
            if (isLabel(tokens, k)) {
                sb.append(compact(tokens, k));
            }
        }
        String s = sb.toString();
        String after = s.substring(s.indexOf("复议") + 2);
        return containsAny(after, afterTable2 ? T3_WORDS : List.of("维持", "审结"));
    }

    /**
     * Without Table 2 found before it (the only evidence then is the words), the figures after 行政复议 told in
     * sentences (…351件，其中结果维持72件，结果纠正64件；…): the summary's prose,
     * not the table, whose numbers stand in cells with nothing but labels and blanks between them.
     */
    private static boolean sentencesFollow(List<Token> tokens, int i) {
        int values = 0;
        int punctuated = 0;
        for (int k = i + 1; k < Math.min(tokens.size(), i + 60) && values < 8; k++) {
            Token t = tokens.get(k);
            if (t.isValue()) {
                values++;
            } else if (values > 0 && isLabel(tokens, k) && containsAny(t.text(), SENTENCE_MARKS)) {
                punctuated++; // between two of the figures
            }
        }
        return punctuated >= 3;
    }

    private static boolean containsAny(String s, List<String> words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
