package cn.ogi.reader.prose;

import cn.ogi.reader.layout.Footers;
import cn.ogi.reader.text.ChineseNumbers;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads who published the report, for which year, and when: the year from the title
 * ({@code 2023年政府信息公开工作年度报告}) or the statistics period, the agency from the 发文机关 field, the
 * title or the opening sentence, and the publication date from the end of the report or a 发布时间 header.
 */
public final class IdentityReader {

    private static final String AGENCY_SUFFIX = "(?:人民政府|政府办公室|办公室|委员会|管理局|监督局|局|厅|委|办|院|署|中心|部|会)";
    private static final Pattern YEAR_TITLE = Pattern.compile("((?:19|20)\\d{2})\\s*年\\s*度?");
    private static final Pattern PERIOD =
            Pattern.compile("(?:统计期限|统计期|统计时限)[^0-9]{0,8}((?:19|20)\\d{2})\\s*年\\s*1\\s*月\\s*1\\s*日");
    private static final Pattern ISSUER = Pattern.compile("发文机关\\s*[:：]\\s*([\\u4e00-\\u9fff]{2,30})");
    private static final Pattern NAME_BEFORE_YEAR = Pattern.compile(
            "([\\u4e00-\\u9fff]{2,30}?)\\s*(?:19|20)\\d{2}\\s*年\\s*度?\\s*(?:的)?(?:政府信息公开|政务公开|政府政务信息公开)");
    private static final Pattern NAME_AFTER_YEAR =
            Pattern.compile("(?:19|20)\\d{2}\\s*年\\s*度?\\s*([\\u4e00-\\u9fff]{2,30}?" + AGENCY_SUFFIX
                    + ")\\s*(?:的)?(?:政府信息公开|政务公开)[\\u4e00-\\u9fff]{0,6}?报告");
    private static final Pattern NAME_OPENING =
            Pattern.compile("(?:19|20)\\d{2}\\s*年\\s*度?\\s*[,，]?\\s*([\\u4e00-\\u9fff]{3,30}?" + AGENCY_SUFFIX
                    + ")(?:的|坚持|认真|在|按照|严格|围绕|深入|全面|始终)");
    private static final Pattern REGION = Pattern.compile("[\\u4e00-\\u9fff]{1,20}(?:省|市|区|县|旗|州|盟)");
    /** Zones run by an administrative committee (管委会), not by a people's government. */
    private static final Pattern ZONE = Pattern.compile(".*(?:实验区|开发区|高新区|新区|管理区|示范区|园区|保税区|合作区|试验区|自贸区)");

    private static final Pattern DATE_CN =
            Pattern.compile("((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern DATE_CN_NUMERALS =
            Pattern.compile("([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日");
    private static final Pattern PUBLISHED_HEADER =
            Pattern.compile("(?:发布时间|发布日期)\\s*[:：]?\\s*((?:19|20)\\d{2})[-./年](\\d{1,2})[-./月](\\d{1,2})");
    private static final int HEAD_LINES = 40;

    private IdentityReader() {}

    public static Integer year(List<String> lines) {
        for (int i = 0; i < Math.min(lines.size(), HEAD_LINES); i++) {
            String line = lines.get(i);
            if (line.contains("报告") && (line.contains("政府信息公开") || line.contains("政务") || line.contains("年度报告"))) {
                Matcher m = YEAR_TITLE.matcher(line);
                if (m.find()) {
                    return Integer.valueOf(m.group(1));
                }
            }
        }
        for (String line : lines) {
            Matcher m = PERIOD.matcher(line);
            if (m.find()) {
                return Integer.valueOf(m.group(1));
            }
        }
        return null;
    }

    public static String agencyName(List<String> lines) {
        int head = Math.min(lines.size(), HEAD_LINES);
        for (int i = 0; i < head; i++) {
            Matcher m = ISSUER.matcher(lines.get(i));
            if (m.find()) {
                return m.group(1);
            }
        }
        for (int i = 0; i < head; i++) {
            String line = lines.get(i);
            Matcher after = NAME_AFTER_YEAR.matcher(line);
            if (after.find()) {
                return after.group(1);
            }
            Matcher before = NAME_BEFORE_YEAR.matcher(line);
            if (before.find()) {
                return asAgency(stripLeading(before.group(1)));
            }
            String t = line.strip();
            if (YEAR_TITLE.matcher(t).lookingAt() && t.contains("报告")) {
                // title printed over two lines: the agency above, "2023 年政府信息公开工作年度报告" below
                String prev = previousNonBlank(lines, i);
                if (prev != null && prev.length() <= 30 && prev.matches("[\\u4e00-\\u9fff]{2,30}")) {
                    return asAgency(prev);
                }
            }
        }
        for (int i = 0; i < head; i++) {
            Matcher m = NAME_OPENING.matcher(lines.get(i));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    public static LocalDate publishedOn(List<String> lines) {
        int seen = 0;
        for (int i = lines.size() - 1; i >= 0 && seen < 3; i--) {
            String t = lines.get(i).strip();
            while (t.endsWith("|")) {
                t = t.substring(0, t.length() - 1).strip();
            }
            if (t.isEmpty() || Footers.isPageFooter(t)) {
                continue;
            }
            seen++;
            LocalDate d = trailingDate(t);
            if (d != null) {
                return d;
            }
        }
        for (int i = 0; i < Math.min(lines.size(), HEAD_LINES); i++) {
            Matcher m = PUBLISHED_HEADER.matcher(lines.get(i));
            if (m.find()) {
                return date(m.group(1), m.group(2), m.group(3));
            }
        }
        return null;
    }

    /** A date that ends the line and is either the whole line or follows the end of a sentence. */
    private static LocalDate trailingDate(String t) {
        Matcher m = DATE_CN.matcher(t);
        LocalDate found = null;
        int end = -1;
        int start = -1;
        while (m.find()) {
            found = date(m.group(1), m.group(2), m.group(3));
            start = m.start();
            end = m.end();
        }
        if (found == null) {
            Matcher c = DATE_CN_NUMERALS.matcher(t);
            if (c.find() && c.end() == t.length() && c.start() == 0) {
                return date(
                        String.valueOf(chineseYear(c.group(1))),
                        String.valueOf(ChineseNumbers.parse(c.group(2))),
                        String.valueOf(ChineseNumbers.parse(c.group(3))));
            }
            return null;
        }
        if (end != t.length()) {
            return null;
        }
        String before = t.substring(0, start).strip();
        return before.isEmpty()
                        || before.endsWith("。")
                        || before.endsWith(".")
                        || (before.length() <= 30 && !before.contains("，") && !before.contains(","))
                ? found
                : null;
    }

    private static int chineseYear(String digits) {
        int y = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            y = y * 10 + Math.max(0, "〇一二三四五六七八九".indexOf(c == '零' ? '〇' : c));
        }
        return y;
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static String previousNonBlank(List<String> lines, int i) {
        for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
            String t = lines.get(j).strip();
            if (!t.isEmpty()) {
                return t.replace(" ", "");
            }
        }
        return null;
    }

    /** Drops words glued before a name in running text ("编制《清远市…" has already lost the 《 part). */
    private static String stripLeading(String name) {
        for (String w : List.of("特向社会公布", "现向社会公布", "向社会公布", "公布", "编制", "发布")) {
            int k = name.lastIndexOf(w);
            if (k >= 0) {
                name = name.substring(k + w.length());
            }
        }
        return name;
    }

    /** A jurisdiction's own report ("攀枝花市东区2011年…") is the report of its people's government. */
    private static String asAgency(String name) {
        if (name.matches(".*" + AGENCY_SUFFIX)) {
            return name;
        }
        if (REGION.matcher(name).matches() && !ZONE.matcher(name).matches()) {
            return name + "人民政府";
        }
        return name;
    }
}
