package cn.ogi.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Made-up place names and real-sounding department names. The province is fictitious (示范省); any
 * likeness of a city or county name to a real one is a coincidence of two common characters.
 */
final class Names {

    static final String PROVINCE = "示范省";

    private static final List<String> CITIES = List.of(
            "青川", "东岭", "临河", "云阳", "安泉", "平原", "兴源", "长湖", "丰林", "宁江", "泰峰", "华亭", "清塘", "永沙", "瑞城", "嘉州", "明湖", "新垣",
            "宣平", "和丰");

    private static final String FIRST = "安宁平和兴丰长永泰清明新广太康昌福德富寿阳高武文乐河仁汶沂蒙鲁岱";
    private static final String SECOND = "川岭阳泉山源城江原林湖塘沙峰亭州口丘水台野坡宁安远庄滨";

    /** Departments of a city or county government (工作部门、直属机构和事业单位 that publish reports). */
    private static final List<String> LOCAL = List.of(
            "发展和改革局",
            "教育局",
            "科学技术局",
            "工业和信息化局",
            "民族宗教事务局",
            "公安局",
            "民政局",
            "司法局",
            "财政局",
            "人力资源和社会保障局",
            "自然资源和规划局",
            "生态环境局",
            "住房和城乡建设局",
            "交通运输局",
            "水利局",
            "农业农村局",
            "商务局",
            "文化和旅游局",
            "卫生健康委员会",
            "退役军人事务局",
            "应急管理局",
            "审计局",
            "国有资产监督管理委员会",
            "市场监督管理局",
            "体育局",
            "统计局",
            "医疗保障局",
            "信访局",
            "行政审批服务局",
            "综合行政执法局",
            "城市管理局",
            "林业局",
            "大数据局",
            "地方金融监督管理局",
            "粮食和物资储备局",
            "人民防空办公室",
            "机关事务服务中心",
            "档案馆",
            "外事办公室",
            "投资促进局",
            "住房公积金管理中心",
            "公共资源交易中心",
            "供销合作社联合社",
            "气象局",
            "妇女儿童工作委员会办公室",
            "营商环境服务中心",
            "不动产登记中心",
            "社会保险事业中心",
            "水文中心",
            "政务服务管理办公室",
            "海洋发展局",
            "新闻出版局",
            "老干部局",
            "机构编制委员会办公室",
            "地震局",
            "园林绿化局",
            "公路事业发展中心",
            "农业机械化服务中心",
            "畜牧兽医事务中心",
            "乡村振兴局");

    /** Departments of the provincial government. */
    private static final List<String> PROVINCIAL = List.of(
            "发展和改革委员会",
            "教育厅",
            "科学技术厅",
            "工业和信息化厅",
            "民族宗教事务委员会",
            "公安厅",
            "民政厅",
            "司法厅",
            "财政厅",
            "人力资源和社会保障厅",
            "自然资源厅",
            "生态环境厅",
            "住房和城乡建设厅",
            "交通运输厅",
            "水利厅",
            "农业农村厅",
            "商务厅",
            "文化和旅游厅",
            "卫生健康委员会",
            "退役军人事务厅",
            "应急管理厅",
            "审计厅",
            "外事办公室",
            "人民政府国有资产监督管理委员会",
            "市场监督管理局",
            "广播电视局",
            "体育局",
            "统计局",
            "医疗保障局",
            "人民政府研究室",
            "机关事务管理局",
            "信访局",
            "大数据局",
            "地方金融监督管理局",
            "畜牧兽医局",
            "能源局",
            "粮食和物资储备局",
            "监狱管理局",
            "药品监督管理局",
            "林业局",
            "知识产权局",
            "海洋局",
            "乡村振兴局",
            "人民防空办公室",
            "戒毒管理局",
            "文物局",
            "中医药管理局",
            "疾病预防控制局",
            "地质矿产勘查开发局",
            "煤田地质局",
            "公共资源交易中心",
            "住房公积金管理中心",
            "社会保险事业中心",
            "大数据中心",
            "档案馆",
            "地方史志研究院",
            "水文中心",
            "气象局",
            "通信管理局",
            "邮政管理局",
            "地震局",
            "测绘地理信息局",
            "航道局",
            "港航管理局",
            "公路事业发展中心",
            "交通运输综合执法局",
            "供销合作社联合社",
            "营商环境建设局",
            "政务服务管理办公室",
            "不动产登记中心",
            "机构编制委员会办公室",
            "老干部局",
            "新闻出版局",
            "电影局",
            "宗教事务局",
            "教育招生考试院",
            "农业机械化服务中心",
            "渔业发展中心",
            "体育彩票中心",
            "人民政府参事室");

    private final SplittableRandom random;
    private final Set<String> used = new HashSet<>();

    Names(SplittableRandom random) {
        this.random = random;
    }

    String city(int index) {
        String name = index <= CITIES.size() ? CITIES.get(index - 1) + "市" : fresh("市");
        used.add(name);
        return name;
    }

    /** A county-level name: the first of each city is a district (区), one in five a county-level city. */
    String county(int index) {
        String suffix = index <= 2 ? "区" : random.nextInt(5) == 0 ? "市" : "县";
        return fresh(suffix);
    }

    private String fresh(String suffix) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            String name = "" + FIRST.charAt(random.nextInt(FIRST.length()))
                    + SECOND.charAt(random.nextInt(SECOND.length())) + suffix;
            if (used.add(name)) {
                return name;
            }
        }
        for (int n = 1; ; n++) {
            String name = "第" + n + suffix;
            if (used.add(name)) {
                return name;
            }
        }
    }

    /** The n-th (1-based) department of a city or county government. */
    static String localDepartment(int n) {
        return n <= LOCAL.size() ? LOCAL.get(n - 1) : "第" + (n - LOCAL.size()) + "事务服务中心";
    }

    /** The n-th (1-based) department of the provincial government. */
    static String provincialDepartment(int n) {
        return n <= PROVINCIAL.size() ? PROVINCIAL.get(n - 1) : "第" + (n - PROVINCIAL.size()) + "直属事业单位";
    }
}
