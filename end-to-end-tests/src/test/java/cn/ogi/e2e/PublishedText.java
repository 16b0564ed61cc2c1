package cn.ogi.e2e;

import java.util.List;

/**
 * A small synthetic annual report as a web page prints it (edition 2021, tables as {@code |}-separated
 * lines), written for these tests: natural persons applied {@code received} times, {@code granted}
 * were granted and the rest carried forward.
 */
public final class PublishedText {

    private static final List<String[]> ROWS = List.of(
            new String[] {"newReceived", "一、本年新收政府信息公开申请数量"},
            new String[] {"carriedOver", "二、上年结转政府信息公开申请数量"},
            new String[] {"granted", "(一)予以公开"},
            new String[] {"partiallyGranted", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"},
            new String[] {"", "1.属于国家秘密"},
            new String[] {"", "2.其他法律行政法规禁止公开"},
            new String[] {"", "3.危及“三安全一稳定”"},
            new String[] {"", "4.保护第三方合法权益"},
            new String[] {"", "5.属于三类内部事务信息"},
            new String[] {"", "6.属于四类过程性信息"},
            new String[] {"", "7.属于行政执法案卷"},
            new String[] {"", "8.属于行政查询事项"},
            new String[] {"", "1.本机关不掌握相关政府信息"},
            new String[] {"", "2.没有现成信息需要另行制作"},
            new String[] {"", "3.补正后申请内容仍不明确"},
            new String[] {"", "1.信访举报投诉类申请"},
            new String[] {"", "2.重复申请"},
            new String[] {"", "3.要求提供公开出版物"},
            new String[] {"", "4.无正当理由大量反复申请"},
            new String[] {"", "5.要求行政机关确认或重新出具已获取信息"},
            new String[] {"", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
            new String[] {"", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
            new String[] {"", "3.其他"},
            new String[] {"totalProcessed", "(七)总计"},
            new String[] {"carriedForward", "四、结转下年度继续办理"});

    private PublishedText() {}

    public static String of(String agencyName, int year, int received, int granted) {
        StringBuilder text = new StringBuilder();
        text.append(agencyName)
                .append(year)
                .append("年政府信息公开工作年度报告\n")
                .append("本报告统计期限自")
                .append(year)
                .append("年1月1日至")
                .append(year)
                .append("年12月31日。\n")
                .append("一、总体情况\n本局持续推进政务公开。\n二、主动公开政府信息情况\n")
                .append(row("第二十条第(一)项"))
                .append(row("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"))
                .append(row("规章", "0", "0", "0"))
                .append(row("行政规范性文件", "2", "0", "5"))
                .append(row("第二十条第(五)项"))
                .append(row("信息内容", "本年处理决定数量"))
                .append(row("行政许可", "120"))
                .append(row("第二十条第(六)项"))
                .append(row("信息内容", "本年处理决定数量"))
                .append(row("行政处罚", "30"))
                .append(row("行政强制", "4"))
                .append(row("第二十条第(八)项"))
                .append(row("信息内容", "本年收费金额(单位:万元)"))
                .append(row("行政事业性收费", "0"))
                .append("三、收到和处理政府信息公开申请情况\n")
                .append(row("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况"))
                .append(row("自然人", "法人或其他组织", "总计"))
                .append(row("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"));
        for (String[] r : ROWS) {
            int n = switch (r[0]) {
                case "newReceived" -> received;
                case "granted", "totalProcessed" -> granted;
                case "carriedForward" -> received - granted;
                default -> 0;
            };
            text.append(row(r[1], String.valueOf(n), "0", "0", "0", "0", "0", String.valueOf(n)));
        }
        return text.append("四、政府信息公开行政复议、行政诉讼情况\n")
                .append(row("行政复议", "行政诉讼"))
                .append(row("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"))
                .append(row("1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"))
                .append("五、存在的主要问题及改进情况\n解读形式还不够丰富。\n")
                .append("六、其他需要报告的事项\n本年度未收取信息处理费。\n")
                .toString();
    }

    private static String row(String... cells) {
        return String.join(" | ", cells) + " | ||\n";
    }
}
