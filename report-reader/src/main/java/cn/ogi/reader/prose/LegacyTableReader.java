package cn.ogi.reader.prose;

import cn.ogi.reader.table.Token;
import cn.ogi.reader.text.Labels;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The small statistics tables some reports before 2019 print beside their prose: a row per figure, a this-year
 * column beside a cumulative one ({@code 主动公开政府信息 | 320 | 4560}), or the national template's
 * 政府信息公开情况统计表 (统计指标 | 单位 | 统计数: {@code （一）收到申请数 | 件 | 23}). A row counts only under a header
 * that says which column is the year's (本年 … 累计, 统计数); numbers run together with no separation say neither
 * and are left alone, and so are rows about consultations, approvals or complaints and the template's parts of a
 * figure (当面申请数, 属于已主动公开范围数). A fee in a 万元 row is given in 元.
 */
final class LegacyTableReader {

    /** Field → the words its row label carries (compact). */
    private static final Map<String, List<String>> FIELDS = fields();

    private static final Pattern NOT_DISCLOSURE = Pattern.compile("咨询|审批|许可|投诉|举报|信访|办件|服务事项|查询|来电|来信|留言|已主动公开|范围|其中");

    /** The header cell of the template's one value column, and of its unit column. */
    private static final List<String> VALUE_HEADERS = List.of("统计数", "数量", "数值");

    private static final String UNIT_HEADER = "单位";

    private LegacyTableReader() {}

    private static Map<String, List<String>> fields() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("feesYuan", List.of("收费", "收取费用", "收取的费用"));
        f.put("activelyDisclosed", List.of("主动公开"));
        f.put("partiallyGranted", List.of("部分公开"));
        f.put("withheld", List.of("不予公开", "不同意公开"));
        f.put("granted", List.of("同意公开", "予以公开", "公开答复"));
        f.put("applicationsReceived", List.of("公开申请", "依申请公开", "申请公开", "收到申请"));
        f.put("reconsiderations", List.of("行政复议"));
        f.put("lawsuits", List.of("行政诉讼"));
        return f;
    }

    /** The figures a header-labelled table states for the year, by legacy field (without the {@code legacy.} prefix). */
    static Map<String, BigDecimal> read(List<Token> tokens) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        int yearColumn = -1;
        int columns = 0;
        int line = -1;
        List<Token> row = new ArrayList<>();
        for (int i = 0; i <= tokens.size(); i++) {
            Token t = i < tokens.size() ? tokens.get(i) : null;
            if (t == null || t.line() != line) {
                if (!row.isEmpty()) {
                    int[] header = header(row);
                    if (header != null) {
                        yearColumn = header[0];
                        columns = header[1];
                    } else if (yearColumn >= 0) {
                        figure(row, yearColumn, columns, out);
                    }
                }
                row = new ArrayList<>();
                line = t == null ? -1 : t.line();
            }
            if (t != null) {
                row.add(t);
            }
        }
        return out;
    }

    /** {index of the year's column among the number columns, number of columns} when the row is a header. */
    private static int[] header(List<Token> row) {
        List<String> cells = new ArrayList<>();
        for (Token t : row) {
            if (t.type() == Token.Type.NUMBER) {
                return null;
            }
            if (t.type() == Token.Type.LABEL) {
                cells.add(Labels.compact(t.text()));
            }
        }
        cells.remove(UNIT_HEADER); // the template's unit column holds no numbers
        int year = -1;
        int cumulative = -1;
        for (int c = 0; c < cells.size(); c++) {
            String s = cells.get(c);
            if (year < 0
                    && (s.startsWith("本年") || s.equals("当年") || s.startsWith("本年度") || VALUE_HEADERS.contains(s))) {
                year = c;
            } else if (cumulative < 0 && (s.startsWith("累计") || s.startsWith("总计"))) {
                cumulative = c;
            }
        }
        if (year < 1) {
            return null; // the first cell names the rows
        }
        int numberColumns = cells.size() - 1;
        return new int[] {year - 1, numberColumns};
    }

    private static void figure(List<Token> row, int yearColumn, int columns, Map<String, BigDecimal> out) {
        StringBuilder label = new StringBuilder();
        List<Token> numbers = new ArrayList<>();
        for (Token t : row) {
            if (t.type() == Token.Type.LABEL && numbers.isEmpty()) {
                label.append(Labels.compact(t.text()));
            } else if (t.type() == Token.Type.NUMBER) {
                numbers.add(t);
            } else if (t.type() == Token.Type.LABEL) {
                return; // text after the numbers: not a row of figures
            }
        }
        // one number per column, each printed apart: a run of digits could be any split of them
        if (numbers.size() != columns
                || yearColumn >= numbers.size()
                || NOT_DISCLOSURE.matcher(label).find()) {
            return;
        }
        for (Map.Entry<String, List<String>> f : FIELDS.entrySet()) {
            for (String word : f.getValue()) {
                if (label.indexOf(word) >= 0) {
                    Token n = numbers.get(yearColumn);
                    boolean fee = f.getKey().equals("feesYuan");
                    if (n.fraction().isEmpty() || fee) {
                        BigDecimal v =
                                new BigDecimal(n.fraction().isEmpty() ? n.text() : n.text() + "." + n.fraction());
                        boolean wan = label.indexOf("万元") >= 0 || "万元".equals(n.unit());
                        out.putIfAbsent(f.getKey(), fee && wan ? v.movePointRight(4) : v);
                    }
                    return;
                }
            }
        }
    }
}
