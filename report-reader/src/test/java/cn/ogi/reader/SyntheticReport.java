package cn.ogi.reader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Builds synthetic report texts (written for these tests, not taken from any published report) in the layouts
 * the parser meets: pipe-separated web scrapes, {@code pdftotext -layout} columns with wrapped labels, vertical
 * group labels and page footers, and cells run together without separators.
 */
public final class SyntheticReport {

    public enum Layout {
        PIPE,
        PDF,
        RUN_TOGETHER
    }

    /** Table 2 row labels of edition 2021 as the State Council format prints them, with the cell keys' rows. */
    static final List<String[]> ROWS_2021 = List.of(
            new String[] {"newReceived", "一、本年新收政府信息公开申请数量"},
            new String[] {"carriedOver", "二、上年结转政府信息公开申请数量"},
            new String[] {"granted", "(一)予以公开"},
            new String[] {"partiallyGranted", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"},
            new String[] {"withheld.stateSecret", "1.属于国家秘密"},
            new String[] {"withheld.prohibitedByLaw", "2.其他法律行政法规禁止公开"},
            new String[] {"withheld.securityStability", "3.危及“三安全一稳定”"},
            new String[] {"withheld.thirdPartyRights", "4.保护第三方合法权益"},
            new String[] {"withheld.internalAffairs", "5.属于三类内部事务信息"},
            new String[] {"withheld.processInformation", "6.属于四类过程性信息"},
            new String[] {"withheld.enforcementFiles", "7.属于行政执法案卷"},
            new String[] {"withheld.inquiryMatters", "8.属于行政查询事项"},
            new String[] {"unavailable.notHeld", "1.本机关不掌握相关政府信息"},
            new String[] {"unavailable.needsCreation", "2.没有现成信息需要另行制作"},
            new String[] {"unavailable.unclearAfterCorrection", "3.补正后申请内容仍不明确"},
            new String[] {"notProcessed.complaint", "1.信访举报投诉类申请"},
            new String[] {"notProcessed.duplicate", "2.重复申请"},
            new String[] {"notProcessed.publication", "3.要求提供公开出版物"},
            new String[] {"notProcessed.excessive", "4.无正当理由大量反复申请"},
            new String[] {"notProcessed.confirmation", "5.要求行政机关确认或重新出具已获取信息"},
            new String[] {"otherDisposal.noCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
            new String[] {"otherDisposal.unpaidFee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
            new String[] {"otherDisposal.other", "3.其他"},
            new String[] {"totalProcessed", "(七)总计"},
            new String[] {"carriedForward", "四、结转下年度继续办理"});

    public String agency = "青禾县交通运输局";
    public int year = 2022;
    String edition = "2021";
    Layout layout = Layout.PIPE;
    boolean mergedOtherDisposal;
    public String feeSentence = "本机关全年未收取信息处理费。";
    public String signature = "青禾县交通运输局\n2023年1月20日";
    /** Table 1 lines after the label, per label (values as printed, may carry units or be blank). */
    public final Map<String, List<String>> table1 = new LinkedHashMap<>();

    final Map<String, List<String>> table2 = new LinkedHashMap<>();
    public List<String> table3 =
            new ArrayList<>(List.of("1", "0", "0", "1", "2", "0", "1", "0", "0", "1", "0", "0", "0", "0", "0"));
    public UnaryOperator<String> post = UnaryOperator.identity();

    SyntheticReport() {
        table1.put("规章", List.of("0", "0", "2"));
        table1.put("行政规范性文件", List.of("3", "1", "12"));
        table1.put("行政许可", List.of("396"));
        table1.put("行政处罚", List.of("57"));
        table1.put("行政强制", List.of("4"));
        table1.put("行政事业性收费", List.of("12.5"));
        for (String[] r : ROWS_2021) {
            table2.put(r[0], List.of("0", "0", "0", "0", "0", "0", "0"));
        }
        table2.put("newReceived", List.of("5", "1", "0", "0", "1", "0", "7"));
        table2.put("carriedOver", List.of("1", "0", "0", "0", "0", "0", "1"));
        table2.put("granted", List.of("3", "1", "0", "0", "0", "0", "4"));
        table2.put("partiallyGranted", List.of("1", "0", "0", "0", "0", "0", "1"));
        table2.put("unavailable.notHeld", List.of("1", "0", "0", "0", "1", "0", "2"));
        table2.put("totalProcessed", List.of("5", "1", "0", "0", "1", "0", "7"));
        table2.put("carriedForward", List.of("1", "0", "0", "0", "0", "0", "1"));
    }

    public static SyntheticReport edition2021() {
        return new SyntheticReport();
    }

    public static SyntheticReport edition2019() {
        SyntheticReport r = new SyntheticReport();
        r.edition = "2019";
        r.year = 2020;
        r.mergedOtherDisposal = true;
        r.signature = "青禾县交通运输局\n2021年1月18日";
        r.table1.clear();
        r.table1.put("规章", List.of("0", "0", "0"));
        r.table1.put("规范性文件", List.of("2", "2", "9"));
        r.table1.put("行政许可", List.of("10", "+3", "13"));
        r.table1.put("其他对外管理服务事项", List.of("0", "0", "0"));
        r.table1.put("行政处罚", List.of("20", "-2", "18"));
        r.table1.put("行政强制", List.of("1", "0", "1"));
        r.table1.put("行政事业性收费", List.of("2", "0"));
        r.table1.put("政府集中采购", List.of("3", "251000元"));
        return r;
    }

    public SyntheticReport layout(Layout l) {
        this.layout = l;
        return this;
    }

    public SyntheticReport row(String key, String... values) {
        table2.put(key, List.of(values));
        return this;
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(agency).append(year).append("年政府信息公开工作年度报告\n");
        sb.append("本报告依据《中华人民共和国政府信息公开条例》编制,统计期限自")
                .append(year)
                .append("年1月1日至")
                .append(year)
                .append("年12月31日。\n");
        sb.append("一、总体情况\n").append(year).append("年,本局坚持以公开为常态、不公开为例外,稳步推进政务公开。\n");
        sb.append("二、主动公开政府信息情况\n");
        table1(sb);
        sb.append("三、收到和处理政府信息公开申请情况\n");
        table2(sb);
        sb.append("四、政府信息公开行政复议、行政诉讼情况\n");
        table3(sb);
        sb.append("五、存在的主要问题及改进情况\n政策解读形式还不够丰富,下一步将加强培训。\n");
        sb.append("六、其他需要报告的事项\n").append(feeSentence).append('\n');
        sb.append(signature).append('\n');
        return post.apply(sb.toString());
    }

    private void table1(StringBuilder sb) {
        boolean e2021 = edition.equals("2021");
        String[][] groups = e2021
                ? new String[][] {
                    {"第二十条第(一)项", "信息内容|本年制发件数|本年废止件数|现行有效件数", "规章", "行政规范性文件"},
                    {"第二十条第(五)项", "信息内容|本年处理决定数量", "行政许可"},
                    {"第二十条第(六)项", "信息内容|本年处理决定数量", "行政处罚", "行政强制"},
                    {"第二十条第(八)项", "信息内容|本年收费金额(单位:万元)", "行政事业性收费"}
                }
                : new String[][] {
                    {"第二十条第(一)项", "信息内容|本年新制作数量|本年新公开数量|对外公开总数量", "规章", "规范性文件"},
                    {"第二十条第(五)项", "信息内容|上一年项目数量|本年增/减|处理决定数量", "行政许可", "其他对外管理服务事项"},
                    {"第二十条第(六)项", "信息内容|上一年项目数量|本年增/减|处理决定数量", "行政处罚", "行政强制"},
                    {"第二十条第(八)项", "信息内容|上一年项目数量|本年增/减", "行政事业性收费"},
                    {"第二十条第(九)项", "信息内容|采购项目数量|采购总金额", "政府集中采购"}
                };
        for (String[] g : groups) {
            sb.append(line(List.of(g[0]))).append('\n');
            sb.append(line(List.of(g[1].split("\\|", -1)))).append('\n');
            for (int i = 2; i < g.length; i++) {
                List<String> cells = new ArrayList<>();
                cells.add(g[i]);
                cells.addAll(table1.get(g[i]));
                sb.append(line(cells)).append('\n');
            }
        }
    }

    private void table2(StringBuilder sb) {
        sb.append(line(List.of("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况"))).append('\n');
        sb.append(line(List.of("自然人", "法人或其他组织", "总计"))).append('\n');
        sb.append(line(List.of("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"))).append('\n');
        int page = 2;
        for (String[] r : ROWS_2021) {
            String key = r[0];
            String label = r[1];
            if (key.startsWith("otherDisposal.") && mergedOtherDisposal) {
                if (!key.equals("otherDisposal.other")) {
                    continue;
                }
                label = "(六)其他处理";
            }
            List<String> values = table2.get(key);
            if (layout == Layout.PDF && key.equals("partiallyGranted")) {
                // the long label wraps and its numbers sit on a line of their own
                sb.append("      (二)部分公开(区分处理的,只计这一情\n      形,不计其他情形)\n");
                sb.append(line(cons("", values))).append('\n');
                continue;
            }
            if (layout == Layout.PDF && key.equals("withheld.prohibitedByLaw")) {
                sb.append(" 三 、本 年 度办 理 结果\n");
            }
            if (layout == Layout.PDF && key.equals("notProcessed.complaint")) {
                sb.append("\n                   -").append(page++).append("-\n");
            }
            if (layout == Layout.RUN_TOGETHER) {
                sb.append(label).append(String.join("", values)).append('\n');
                continue;
            }
            sb.append(line(cons(label, values))).append('\n');
        }
    }

    private void table3(StringBuilder sb) {
        sb.append(line(List.of("行政复议", "行政诉讼"))).append('\n');
        sb.append(line(List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉")))
                .append('\n');
        if (layout == Layout.RUN_TOGETHER) {
            sb.append(String.join("", table3)).append('\n');
        } else {
            sb.append(line(table3)).append('\n');
        }
    }

    private String line(List<String> cells) {
        if (layout == Layout.PIPE) {
            return String.join(" | ", cells) + " | ||";
        }
        StringBuilder sb = new StringBuilder();
        for (String c : cells) {
            if (c.isEmpty()) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : "     ").append(c);
        }
        return sb.toString();
    }

    private static List<String> cons(String head, List<String> tail) {
        List<String> out = new ArrayList<>();
        out.add(head);
        out.addAll(tail);
        return out;
    }
}
