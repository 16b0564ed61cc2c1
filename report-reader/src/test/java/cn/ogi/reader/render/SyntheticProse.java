package cn.ogi.reader.render;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.Narrative;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * Invented agency names and report prose in the register of the real reports (never copied from them): a few
 * paragraphs with figures of their own (web posts, trainings), the applications total as reports restate it, the
 * problems and improvements, and the 信息处理费 sentence in 其他需要报告的事项.
 */
final class SyntheticProse {

    private static final String SYLLABLES = "安宁青石川河林山源泉丰平阳和清溪桥湖云岭东西南北新华兴德松柏明德长乐永宜";
    private static final List<String> LEVELS = List.of("市", "县", "区");
    private static final List<String> OFFICES = List.of(
            "人民政府",
            "人民政府办公室",
            "市场监督管理局",
            "自然资源和规划局",
            "交通运输局",
            "教育局",
            "卫生健康委员会",
            "生态环境局",
            "住房和城乡建设局",
            "农业农村局",
            "民政局",
            "司法局");
    private static final List<String> WORK = List.of(
            "健全公开工作机制，明确专人负责信息发布和审核",
            "完善政府信息公开指南和目录",
            "推进重点领域信息公开",
            "加强政策解读，丰富图解和视频等解读形式",
            "规范依申请公开办理流程，严格答复时限",
            "加强政务新媒体管理",
            "做好公开属性源头认定和保密审查",
            "畅通意见征集和互动交流渠道");
    private static final List<String> PROBLEMS =
            List.of("部分单位对公开工作重视不够，信息更新不够及时", "政策解读的形式还不够丰富", "工作人员业务能力有待提升", "依申请公开答复的规范性还需加强");

    private final Random rnd;

    SyntheticProse(Random rnd) {
        this.rnd = rnd;
    }

    String agencyName() {
        String place = "" + pick(SYLLABLES) + pick(SYLLABLES) + LEVELS.get(rnd.nextInt(LEVELS.size()));
        return place + OFFICES.get(rnd.nextInt(OFFICES.size()));
    }

    Narrative narrative(AnnualReport report, GeneratedReport.FeeStatement fee) {
        int year = report.year();
        String name = report.agencyName();
        StringBuilder overview = new StringBuilder();
        overview.append(year)
                .append("年，")
                .append(name)
                .append("认真贯彻落实《中华人民共和国政府信息公开条例》，")
                .append(WORK.get(rnd.nextInt(WORK.size())))
                .append("，")
                .append(WORK.get(rnd.nextInt(WORK.size())))
                .append("。");
        overview.append("全年通过门户网站发布政府信息")
                .append(10 + rnd.nextInt(5000))
                .append("条，开展业务培训")
                .append(1 + rnd.nextInt(12))
                .append("次。");
        if (rnd.nextBoolean()) {
            report.cells()
                    .value("applications.newReceived.total")
                    .ifPresent(n -> overview.append("全年共收到政府信息公开申请")
                            .append(n.toPlainString())
                            .append("件，均在法定期限内答复。"));
        }
        String problems = PROBLEMS.get(rnd.nextInt(PROBLEMS.size())) + "。下一步，我们将" + WORK.get(rnd.nextInt(WORK.size()))
                + "，不断提升政务公开质量。";
        return new Narrative(overview.toString(), problems, other(year, fee));
    }

    private String other(int year, GeneratedReport.FeeStatement fee) {
        if (fee == null) {
            return rnd.nextBoolean() ? "无。" : "本年度无其他需要报告的事项。";
        }
        if (fee.noneCharged()) {
            return rnd.nextBoolean() ? year + "年，本机关未收取信息处理费。" : "本年度未收取政府信息公开信息处理费。";
        }
        BigDecimal yuan = fee.amountYuan();
        return year + "年，依据《政府信息公开信息处理费管理办法》，共收取信息处理费" + yuan.toPlainString() + "元。";
    }

    private char pick(String chars) {
        return chars.charAt(rnd.nextInt(chars.length()));
    }
}
