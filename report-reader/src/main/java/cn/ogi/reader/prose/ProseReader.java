package cn.ogi.reader.prose;

import cn.ogi.form.model.Narrative;
import cn.ogi.reader.Provenance;
import cn.ogi.reader.ReadNote;
import cn.ogi.reader.Unknown;
import cn.ogi.reader.layout.Footers;
import cn.ogi.reader.table.CellBook;
import cn.ogi.reader.text.ChineseNumbers;
import cn.ogi.reader.text.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures and text outside the tables of a 2019/2021 report: the 信息处理费 statement (usually in
 * 其他需要报告的事项) and the three narrative parts.
 */
public final class ProseReader {

    public static final String FEE_AMOUNT = "processingFees.amountYuan";
    public static final String FEE_NOTICES = "processingFees.notices";

    /** An amount in a sentence; digits separated by a single space are one number (an OCR space). */
    private static final String AMOUNT = "(?<![0-9])(?<![0-9] )([0-9](?:[0-9,]| (?=[0-9]))*(?:\\.\\d+)?)";

    private static final Pattern FEE_CHARGED =
            Pattern.compile("信息处理费[^。;\\n]{0,12}?(?:共|合计|计)?\\s*" + AMOUNT + "\\s*(万元|元)");
    private static final Pattern FEE_CHARGED_BEFORE =
            Pattern.compile("(?:收取|收缴)[^。;\\n]{0,20}?" + AMOUNT + "\\s*(万元|元)[^。;\\n]{0,6}?信息处理费");
    private static final Pattern FEE_NONE =
            Pattern.compile("(?:未|没有|无|不)(?:发生|产生|存在|涉及)?(?:收取|收缴|收)[^。;\\n]{0,30}?信息处理费"
                    + "|(?:未|没有|无|不)(?:发生|产生|涉及)[^。;\\n]{0,10}?信息处理费"
                    + "|信息处理费[^。;\\n]{0,6}?(?:为零|为0|均未|未收取|无)");
    /** A line break inside a paragraph's words: between two characters, the next line not indented. */
    private static final Pattern WRAPPED = Pattern.compile("(?<=[\\p{IsHan}0-9.，、])\\n(?=[\\p{IsHan}0-9])");

    private static final Pattern NOTICES =
            Pattern.compile("(?:发出|开具|出具)[^。;\\n]{0,8}?收费通知(?:书)?\\s*" + ChineseNumbers.NUMBER + "\\s*(?:件|份|次)");

    private ProseReader() {}

    public static void processingFees(String printed, CellBook sink) {
        String text = cn.ogi.reader.text.Normalizer.ocrDigits(printed); // 1O79.5 元 is 1079.5 元, never 79.5
        if (!FEE_CHARGED.matcher(text).find()
                && !FEE_CHARGED_BEFORE.matcher(text).find()
                && !FEE_NONE.matcher(text).find()) {
            // a sentence wrapped inside its words (共收取信息 / 处理费2444.5元): the line break is no boundary there
            text = WRAPPED.matcher(text).replaceAll("");
        }
        Matcher m = FEE_CHARGED.matcher(text);
        Matcher before = FEE_CHARGED_BEFORE.matcher(text);
        Quantity q = null;
        if (m.find()) {
            q = Quantity.parse(m.group(1).replace(" ", "") + m.group(2));
        } else if (before.find()) {
            q = Quantity.parse(before.group(1).replace(" ", "") + before.group(2));
        }
        if (q != null) {
            sink.read(FEE_AMOUNT, q.inYuan(), Provenance.PRINTED, "from the sentence on 信息处理费");
            if (!"元".equals(q.unit())) {
                sink.note(
                        ReadNote.UNIT_CONVERTED,
                        List.of(FEE_AMOUNT),
                        "processing fees printed in " + q.unit() + ", recorded as "
                                + q.inYuan().toPlainString() + " 元");
            }
        } else if (FEE_NONE.matcher(text).find()) {
            sink.read(FEE_AMOUNT, BigDecimal.ZERO, Provenance.PRINTED, "the report says no processing fee was charged");
        } else {
            return;
        }
        Matcher n = NOTICES.matcher(text);
        if (n.find()) {
            sink.read(FEE_NOTICES, ChineseNumbers.parse(n.group(1)), Provenance.PRINTED, "from the sentence on 收费通知");
        } else {
            sink.unknown(
                    FEE_NOTICES,
                    Unknown.NOT_FOUND,
                    List.of(),
                    "the report does not state how many fee notices were sent");
        }
    }

    public static Narrative narrative(List<String> lines, List<String> compact, int tablesStart) {
        int overview = -1;
        int problems = -1;
        int other = -1;
        for (int i = 0; i < lines.size(); i++) {
            String c = compact.get(i);
            if (c.length() > 30) {
                continue;
            }
            if (overview < 0 && (c.contains("总体情况") || c.contains("概述") || c.contains("基本情况"))) {
                overview = i;
            } else if (problems < 0 && c.contains("主要问题")) {
                problems = i;
            } else if (other < 0 && (c.contains("其他需要报告") || c.contains("其它需要报告"))) {
                other = i;
            }
        }
        String o = overview >= 0
                ? join(lines, overview + 1, firstAfter(overview, tablesStart, problems, other, lines.size()))
                : null;
        String p = problems >= 0 ? join(lines, problems + 1, firstAfter(problems, other, lines.size())) : null;
        String x = other >= 0 ? join(lines, other + 1, lines.size()) : null;
        return new Narrative(o, p, x);
    }

    private static int firstAfter(int from, int... candidates) {
        int best = Integer.MAX_VALUE;
        for (int c : candidates) {
            if (c > from && c < best) {
                best = c;
            }
        }
        return best;
    }

    private static String join(List<String> lines, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < Math.min(to, lines.size()) && sb.length() < 20_000; i++) {
            String t = lines.get(i).strip();
            if (!t.isEmpty() && !Footers.isPageFooter(t)) {
                sb.append(t).append('\n');
            }
        }
        String s = sb.toString().strip();
        return s.isEmpty() ? null : s;
    }
}
