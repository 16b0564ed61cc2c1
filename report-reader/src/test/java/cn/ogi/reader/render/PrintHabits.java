package cn.ogi.reader.render;

import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Habits of an agency's print that every copy of its report shows, whatever the form: a mark in its blank number
 * cells (a dash, a slash, 无) instead of nothing, a long table's header rows printed again after a page break
 * (Word's 标题行重复), notes with digits above and under the tables (统计时间, 截至, 单位), numbers typed in full-width
 * digits or with thousands separators ({@link Digits}), the labels worded in the agency's own way ({@link Wording}),
 * and a web page in its CMS's frame ({@code cms-page}: the article's index number, date and read counter around it,
 * scripts, a layout table). Drawn per report, after everything else the generator draws, so that a report's truth
 * does not depend on them; {@code -Dreader.habits=blank-mark,repeated-header,notes,full-width,thousands,numbering,
 * colon,spaced-labels,total-word,units,headings,cms-page} prints every report with those habits, {@code none} with none
 * but those named ({@code none,thousands}: for measuring one).
 *
 * @param blankMark          what a blank number cell prints: "" (nothing) or a mark for nothing
 * @param repeatedHeaderAt   where, as a fraction of a long table's data rows, its header rows print again; -1 for no
 *                           page break with a repeated header
 * @param notes              which notes the tables carry: 0 none, 1–3 one of three publishers' sets ({@link TableNotes})
 * @param digits             how the number cells are typed
 * @param wording            how the labels and headings are worded
 * @param cmsPage            the page's frame: 0 none, else the seed of a CMS frame ({@link CmsPage})
 */
public record PrintHabits(
        String blankMark, double repeatedHeaderAt, int notes, Digits digits, Wording wording, long cmsPage) {

    public static final PrintHabits PLAIN = new PrintHabits("", -1, 0);

    /** Marks agencies print for 0 or nothing in a number cell. */
    static final List<String> BLANK_MARKS = List.of("—", "-", "/", "／", "——", "无");

    private static final Set<String> FORCED =
            Set.of(System.getProperty("reader.habits", "").split(",", -1));

    /** The habits of marks, repeated headers and notes; numbers, labels and the page as the form prints them. */
    public PrintHabits(String blankMark, double repeatedHeaderAt, int notes) {
        this(blankMark, repeatedHeaderAt, notes, Digits.PLAIN, Wording.PLAIN, 0);
    }

    static PrintHabits random(Random rnd) {
        boolean mark = on("blank-mark", rnd.nextInt(6) == 0);
        String blankMark = BLANK_MARKS.get(rnd.nextInt(BLANK_MARKS.size()));
        boolean repeated = on("repeated-header", rnd.nextInt(5) == 0);
        double at = rnd.nextDouble();
        boolean notes = on("notes", rnd.nextInt(6) == 0);
        int set = 1 + rnd.nextInt(3);
        // drawn after the habits above, so that a report prints those as it did before these were added
        Digits digits = Digits.random(rnd);
        Wording wording = Wording.random(rnd);
        boolean cms = on("cms-page", rnd.nextInt(4) == 0);
        long frame = 1 + (rnd.nextLong() >>> 1);
        return new PrintHabits(
                mark ? blankMark : "", repeated ? at : -1, notes ? set : 0, digits, wording, cms ? frame : 0);
    }

    /**
     * Whether a report prints {@code habit}: as drawn, or always when {@code -Dreader.habits} names it; with {@code
     * none} among the names, only the habits named.
     */
    static boolean on(String habit, boolean drawn) {
        return FORCED.contains(habit) || (drawn && !FORCED.contains("none"));
    }

    public boolean repeatsHeaders() {
        return repeatedHeaderAt >= 0;
    }

    /** The page's CMS frame, or null when the page is printed without one. */
    CmsPage frame(GeneratedReport report) {
        return cmsPage == 0 ? null : new CmsPage(report, cmsPage);
    }

    /**
     * How a publisher types its numbers: in full-width digits (an input method left in full-width mode: {@code ３６}),
     * with thousands separators ({@code 1,362}; {@code １，３６２} in full width).
     *
     * @param fullWidth  digits and separators as full-width characters (０–９, ，)
     * @param thousands  a comma before every group of three digits of the whole part
     */
    public record Digits(boolean fullWidth, boolean thousands) {

        static final Digits PLAIN = new Digits(false, false);

        static Digits random(Random rnd) {
            boolean fullWidth = on("full-width", rnd.nextInt(12) == 0);
            boolean thousands = on("thousands", rnd.nextInt(8) == 0);
            return new Digits(fullWidth, thousands);
        }

        /** A number cell's text ("1362", "0.35") as the publisher types it. */
        String print(String plain) {
            String s = plain;
            if (thousands) {
                String sign = s.startsWith("-") ? "-" : "";
                s = s.substring(sign.length());
                int point = s.indexOf('.');
                String whole = point < 0 ? s : s.substring(0, point);
                StringBuilder grouped = new StringBuilder(sign);
                for (int i = 0; i < whole.length(); i++) {
                    if (i > 0 && (whole.length() - i) % 3 == 0) {
                        grouped.append(',');
                    }
                    grouped.append(whole.charAt(i));
                }
                s = grouped + (point < 0 ? "" : s.substring(point));
            }
            if (fullWidth) {
                StringBuilder wide = new StringBuilder(s.length());
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    wide.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c == ',' ? '，' : c);
                }
                s = wide.toString();
            }
            return s;
        }
    }

    /**
     * How a publisher words the tables' labels and the report's headings, where the State Council form leaves room.
     *
     * @param subNumbers    the subgroups' numbers: 0 as the template ({@code （一）} or {@code (一)}), 1 {@code 一、},
     *                      2 none (not drawn: a one-line scrape of such a page reads 总计 after a blank 3.其他 as
     *                      that row's, see docs/PARSER.md)
     * @param itemNumbers   the items' numbers: 0 as the template ({@code 1.} or {@code 1、}), 1 {@code （1）},
     *                      2 {@code (1)}, 3 {@code 1）}, 4 {@code ①}, 5 none
     * @param colon         a colon after a label that heads other rows ({@code （三）不予公开：})
     * @param spacing       "" or the space typed between the characters of a short label ({@code 规　章}, {@code 其 他})
     * @param totalWord     what the total is called: 总计, as the form has it, or 合计
     * @param units         the unit noted in the number columns' header cells ({@code 总计（件）})
     * @param headings      the sections' headings: 0 as the form ({@code 二、}), 1 {@code （二）}, 2 {@code 第二部分},
     *                      3 without a number
     */
    public record Wording(
            int subNumbers,
            int itemNumbers,
            boolean colon,
            String spacing,
            String totalWord,
            boolean units,
            int headings) {

        static final Wording PLAIN = new Wording(0, 0, false, "", "总计", false, 0);

        private static final String CIRCLED = "①②③④⑤⑥⑦⑧⑨";
        private static final String CHINESE = "一二三四五六七八九";

        static Wording random(Random rnd) {
            boolean numbering = on("numbering", rnd.nextInt(5) == 0);
            int sub = rnd.nextInt(2);
            int item = 1 + rnd.nextInt(5);
            boolean colon = on("colon", rnd.nextInt(8) == 0);
            boolean spaced = on("spaced-labels", rnd.nextInt(8) == 0);
            String spacing = rnd.nextBoolean() ? "\u3000" : " ";
            boolean total = on("total-word", rnd.nextInt(6) == 0);
            boolean units = on("units", rnd.nextInt(10) == 0);
            boolean headingWords = on("headings", rnd.nextInt(5) == 0);
            int headings = 1 + rnd.nextInt(3);
            return new Wording(
                    numbering ? sub : 0,
                    numbering ? item : 0,
                    colon,
                    spaced ? spacing : "",
                    total ? "合计" : "总计",
                    units,
                    headingWords ? headings : 0);
        }

        /** A Table 2 subgroup's label ({@code （三）不予公开}); {@code heads} when item rows follow under it. */
        String sub(TableStyle style, String number, String name, boolean heads) {
            String numbered = switch (subNumbers) {
                case 1 -> number + "、";
                case 2 -> "";
                default -> style.bracket(number);
            };
            return numbered + spaced(total(name)) + (colon && heads ? "：" : "");
        }

        /** A Table 2 item's label ({@code 1.属于国家秘密}). */
        String item(TableStyle style, String number, String name) {
            int n = Integer.parseInt(number);
            String shown = spaced(name);
            return switch (itemNumbers) {
                case 1 -> "（" + n + "）" + shown;
                case 2 -> "(" + n + ")" + shown;
                case 3 -> n + "）" + shown;
                case 4 -> CIRCLED.charAt(n - 1) + shown;
                case 5 -> shown;
                default -> style.item(number, shown);
            };
        }

        /** A Table 2 group's label ({@code 三、本年度办理结果}) that heads other rows. */
        String group(String top, boolean heads) {
            return top + (colon && heads ? "：" : "");
        }

        /** A Table 1 row's label ({@code 规章}, {@code 行政许可}). */
        String row(String label) {
            return spaced(label);
        }

        /** A number column's header ({@code 自然人}, {@code 其他}, {@code 总计}, {@code 结果维持}). */
        String column(String label) {
            return spaced(total(label)) + (units ? "（件）" : "");
        }

        /** A section heading of the report ({@code 二、主动公开政府信息情况}). */
        String heading(String heading) {
            int comma = heading.indexOf('、');
            if (headings == 0 || comma != 1 || CHINESE.indexOf(heading.charAt(0)) < 0) {
                return heading;
            }
            String number = heading.substring(0, 1);
            String words = heading.substring(2);
            return switch (headings) {
                case 1 -> "（" + number + "）" + words;
                case 2 -> "第" + number + "部分\u3000" + words;
                default -> words;
            };
        }

        private String total(String label) {
            return label.equals("总计") ? totalWord : label;
        }

        /** A label of two to four Chinese characters with the publisher's space between them; others as they are. */
        private String spaced(String label) {
            if (spacing.isEmpty()
                    || label.length() < 2
                    || label.length() > 4
                    || !label.chars().allMatch(c -> c >= 0x4E00 && c <= 0x9FFF)) {
                return label;
            }
            return String.join(spacing, label.split(""));
        }
    }
}
