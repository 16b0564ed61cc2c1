package cn.ogi.reader.prose;

import cn.ogi.reader.Provenance;
import cn.ogi.reader.ReadNote;
import cn.ogi.reader.Unknown;
import cn.ogi.reader.table.CellBook;
import cn.ogi.reader.text.ChineseNumbers;
import cn.ogi.reader.text.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports before 2019 have no tables: the figures are in sentences ("共收到14次信息公开申请", "同意公开8158件",
 * "没有发生…行政复议", "收取费用2860元"). Only what a sentence states is recorded; the rest stays null.
 */
public final class LegacyProseReader {

    public static final String SECTION = "legacy.";
    /** A number as prose prints it: digits (thousands set off by commas, 1,056), or in Chinese numerals. */
    private static final String N = "(\\d{1,3}(?:,\\d{3})+(?![\\d,])|\\d+|[零〇一二两三四五六七八九十百千万]{1,8})";

    private static final String UNIT = "\\s*(?:件|项|次|个|份|条|宗|起)";
    private static final String NEG = "(?:未|没有|无|尚无|均未|未有)";

    private static final List<Pattern> RECEIVED = List.of(
            Pattern.compile("(?:收到|受理|接到|接收|办理)[^。;,，]{0,24}?申请[^。;\\d]{0,6}?(?:共|计)?\\s*" + N + UNIT),
            Pattern.compile("(?:共|累计)?(?:收到|受理|接到|接收)\\s*" + N + UNIT + "[^。;]{0,12}?申请"));
    /** {@code 没有收到公民、法人和其他组织提出的政府信息公开申请}: none, however long the applicants are named. */
    private static final Pattern RECEIVED_NONE = Pattern.compile(NEG + "(?:收到|受理|接到)[^。;]{0,30}?申请");

    private static final List<Pattern> GRANTED = List.of(
            Pattern.compile("(?:同意公开|予以公开|准予公开)\\s*(?:的)?\\s*(?:共|为)?\\s*" + N + UNIT),
            Pattern.compile(N + UNIT + "\\s*(?:同意公开|予以公开|公开答复|准予公开)"));
    private static final List<Pattern> PARTIAL = List.of(
            Pattern.compile("部分公开\\s*(?:的)?\\s*(?:共|为)?\\s*" + N + UNIT),
            Pattern.compile(N + UNIT + "\\s*(?:同意)?部分公开"));
    private static final Pattern PARTIAL_NONE = Pattern.compile("(?:无|没有)部分公开");
    private static final List<Pattern> WITHHELD = List.of(
            Pattern.compile("不予(?:以)?公开\\s*(?:的)?\\s*(?:共|为)?\\s*" + N + UNIT),
            Pattern.compile(N + UNIT + "\\s*不予(?:以)?公开"));
    /**
     * A count after its word ({@code 行政复议案件2件}) or right before it ({@code 2起行政复议}); a count before a
     * list's separator belongs to the thing before it ({@code 行政复议2件、行政诉讼1件}).
     */
    private static final Pattern RECONSIDERATION_COUNT =
            Pattern.compile("行政复议[^。;,，]{0,6}?" + N + UNIT + "|" + N + UNIT + "[^。;,，、和及与]{0,4}?行政复议");

    private static final Pattern LAWSUIT_COUNT =
            Pattern.compile("行政诉讼[^。;,，]{0,6}?" + N + UNIT + "|" + N + UNIT + "[^。;,，、和及与]{0,4}?行政诉讼");
    private static final Pattern FEES =
            Pattern.compile("(?:收取|收缴)[^。;]{0,10}?费用?\\s*(?:共计|合计|总计|共|计)?\\s*([0-9][0-9,]*(?:\\.\\d+)?)\\s*(万元|元)");
    private static final Pattern FEES_NONE =
            Pattern.compile(NEG + "[^。;]{0,25}?(?:收费|收取[^。;]{0,10}?费用|收取费用)|(?:免费|不收费|免收)");
    private static final Pattern DISCLOSED_NEW = Pattern.compile("新增主动公开[^。;,，]{0,12}?" + N + "\\s*条");
    private static final Pattern DISCLOSED =
            Pattern.compile("主动公开[^。;,，]{0,14}?(?:共|达|近|计|总数|总数近|约)?\\s*" + N + "\\s*(?:余)?\\s*条");

    private LegacyProseReader() {}

    public static void read(String text, List<cn.ogi.reader.table.Token> tokens, CellBook sink) {
        Map<String, BigDecimal> table = LegacyTableReader.read(tokens);
        read(text, table, sink);
    }

    private static void read(String text, Map<String, BigDecimal> table, CellBook sink) {
        String[] sentences = text.split("[。;；!?！？\\n]", -1);
        BigDecimal received = firstApplications(sentences);
        if (received == null && anyMatch(sentences, RECEIVED_NONE)) {
            received = BigDecimal.ZERO;
        }
        put(sink, table, "applicationsReceived", received);
        put(sink, table, "granted", first(sentences, GRANTED));
        BigDecimal partial = first(sentences, PARTIAL);
        if (partial == null && anyMatch(sentences, PARTIAL_NONE)) {
            partial = BigDecimal.ZERO;
        }
        put(sink, table, "partiallyGranted", partial);
        put(sink, table, "withheld", first(sentences, WITHHELD));
        put(sink, table, "reconsiderations", reviewCount(sentences, "行政复议", RECONSIDERATION_COUNT));
        put(sink, table, "lawsuits", reviewCount(sentences, "行政诉讼", LAWSUIT_COUNT));
        put(sink, table, "feesYuan", fees(sentences));
        put(sink, table, "activelyDisclosed", disclosed(sentences, sink));
    }

    private static BigDecimal reviewCount(String[] sentences, String word, Pattern count) {
        for (String s : sentences) {
            if (!s.contains(word)) {
                continue;
            }
            Matcher m = count.matcher(s);
            if (m.find()) {
                String g = m.group(1) != null ? m.group(1) : m.group(2);
                return number(g);
            }
            if (s.contains("没有") || s.contains("未") || s.contains("无")) {
                return BigDecimal.ZERO;
            }
        }
        return null;
    }

    private static BigDecimal fees(String[] sentences) {
        for (String s : sentences) {
            Matcher m = FEES.matcher(s);
            if (m.find()) {
                Quantity q = Quantity.parse(m.group(1) + m.group(2));
                if (q != null) {
                    return q.inYuan();
                }
            }
            if ((s.contains("收费") || s.contains("费用")) && FEES_NONE.matcher(s).find()) {
                return BigDecimal.ZERO;
            }
        }
        return null;
    }

    private static BigDecimal disclosed(String[] sentences, CellBook sink) {
        for (String s : sentences) {
            Matcher m = DISCLOSED_NEW.matcher(s);
            if (m.find()) {
                return number(m.group(1));
            }
        }
        for (String s : sentences) {
            if (s.contains("截止") || s.contains("截至")) {
                continue; // a running total since the regulations began, not the year's figure
            }
            Matcher m = DISCLOSED.matcher(s);
            if (m.find()) {
                BigDecimal v = number(m.group(1));
                String matched = m.group();
                if (matched.contains("近") || matched.contains("约") || matched.contains("余")) {
                    sink.note(
                            ReadNote.APPROXIMATE_AMOUNT,
                            List.of(SECTION + "activelyDisclosed"),
                            "stated approximately ('" + matched + "'); recorded as " + v);
                }
                return v;
            }
        }
        return null;
    }

    /** Words of what is not a disclosure application: consultations, approvals, complaints, service items. */
    private static final Pattern NOT_DISCLOSURE = Pattern.compile("咨询|审批|许可|投诉|举报|信访|办件|服务事项|事项申请|查询|来电|来信|留言");

    /**
     * The count of disclosure applications received: a sentence that speaks of information disclosure (公开) — or
     * follows a heading that does ("二、依申请公开政府信息情况" then "共受理申请12件") — whose matched words are not
     * about consultations, approvals or complaints ("受理咨询5宗" is not an application).
     */
    private static BigDecimal firstApplications(String[] sentences) {
        String heading = "";
        for (String s : sentences) {
            boolean aboutDisclosure = s.contains("公开") || (heading.contains("公开") && heading.contains("申请"));
            if (!s.isBlank()) {
                heading = s.strip().length() <= 40 ? s : "";
            }
            if (!aboutDisclosure) {
                continue;
            }
            for (Pattern p : RECEIVED) {
                Matcher m = p.matcher(s);
                while (m.find()) {
                    if (NOT_DISCLOSURE.matcher(m.group()).find()) {
                        continue;
                    }
                    BigDecimal v = number(m.group(1));
                    if (v != null) {
                        return v;
                    }
                }
            }
        }
        return null;
    }

    private static BigDecimal first(String[] sentences, List<Pattern> patterns) {
        for (String s : sentences) {
            for (Pattern p : patterns) {
                Matcher m = p.matcher(s);
                if (m.find()) {
                    BigDecimal v = number(m.group(1));
                    if (v != null) {
                        return v;
                    }
                }
            }
        }
        return null;
    }

    private static BigDecimal number(String printed) {
        return printed == null ? null : ChineseNumbers.parse(printed.replace(",", ""));
    }

    private static boolean anyMatch(String[] sentences, Pattern p) {
        for (String s : sentences) {
            if (p.matcher(s).find()) {
                return true;
            }
        }
        return false;
    }

    /** The prose's figure and the table's agree, or only one states it; where they disagree the figure is unknown. */
    private static void put(CellBook sink, Map<String, BigDecimal> table, String key, BigDecimal prose) {
        BigDecimal tabled = table.get(key);
        if (prose != null && tabled != null && prose.compareTo(tabled) != 0) {
            sink.unknown(
                    SECTION + key,
                    Unknown.AMBIGUOUS,
                    List.of(prose, tabled),
                    "the prose says " + prose + ", the statistics table " + tabled);
            sink.note(
                    ReadNote.AMBIGUOUS,
                    List.of(SECTION + key),
                    "legacy " + key + ": the prose says " + prose + ", the statistics table " + tabled + "; left null");
            return;
        }
        BigDecimal value = prose != null ? prose : tabled;
        if (value != null) {
            sink.read(
                    SECTION + key,
                    value,
                    Provenance.PRINTED,
                    prose != null ? "stated in the prose" : "from the statistics table's year column");
        } else {
            sink.unknown(SECTION + key, Unknown.NOT_FOUND, List.of(), "the prose states no figure for " + key);
            sink.note(ReadNote.NOT_FOUND, List.of(SECTION + key), "the prose states no figure for " + key);
        }
    }
}
