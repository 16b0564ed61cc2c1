package cn.ogi.reader.table;

import java.util.ArrayList;
import java.util.List;

/** Rows printed as their label alone where empty cells do not show (see {@link RowAlignment}). */
final class LabelOnlyRows {

    private LabelOnlyRows() {}

    /**
     * Where empty cells do not show, a row whose cells are all blank is printed as its label alone: it stands in
     * the text before the next row that prints a label of its own ({@code 二、上年结转…数量 (一)予以公开 7 0 0 …}), or
     * inside that row's label before the label it ends with. Such rows are inserted as rows of blank cells, so that
     * the rows around them keep their places.
     */
    static List<ObservedRow> inserted(List<RowSpec> specs, List<ObservedRow> rows, String tail) {
        List<ObservedRow> out = new ArrayList<>();
        int lastOwner = -1;
        for (ObservedRow row : rows) {
            String text = row.pending() + row.own();
            int[] owner = lastLabel(specs, text, lastOwner + 1);
            if (owner != null) {
                String before = text.substring(0, owner[1]);
                for (int j = lastOwner + 1; j < owner[0]; j++) {
                    for (String l : specs.get(j).labels()) {
                        String unnumbered = withoutNumber(l);
                        if ((before.contains(l) && l.length() >= 3)
                                || (unnumbered.length() >= 4 && before.contains(unnumbered))) {
                            out.add(blankRow(specs.get(j), l, row));
                            break;
                        }
                    }
                }
                lastOwner = owner[0];
            }
            out.add(row);
        }
        // the table's last rows printed as labels alone, after its last number
        for (int j = lastOwner + 1; j < specs.size() && !rows.isEmpty(); j++) {
            for (String l : specs.get(j).labels()) {
                if (tail.contains(l) && l.length() >= 3) {
                    out.add(blankRow(specs.get(j), l, rows.get(rows.size() - 1)));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The form row whose label a row's text ends with — whole, or its first characters when the label wrapped
     * onto the next line — among the specs from {@code from}: {spec, where its label starts}, or null.
     */
    private static int[] lastLabel(List<RowSpec> specs, String text, int from) {
        int best = -1;
        int bestEnd = -1;
        int bestStart = -1;
        int bestLength = 0;
        for (int j = Math.max(0, from); j < specs.size(); j++) {
            for (String label : specs.get(j).labels()) {
                String l = label;
                int at = text.lastIndexOf(l);
                String unnumbered = withoutNumber(label);
                if (at < 0 && unnumbered.length() >= 4 && text.lastIndexOf(unnumbered) >= 0) {
                    // a publisher that prints its items and subgroups without their numbers (属于国家秘密)
                    l = unnumbered;
                    at = text.lastIndexOf(l);
                }
                int length = l.length();
                if (at < 0 && l.length() >= 10) {
                    // a wrapped label: its first characters end the text
                    for (int p = l.length() - 1; p >= 8 && at < 0; p--) {
                        if (text.endsWith(l.substring(0, p))) {
                            at = text.length() - p;
                            length = p;
                        }
                    }
                }
                if (at < 0 && l.length() >= 8) {
                    at = lastIndexWithOneSlip(text, l); // an OCR look-alike inside the label (出具己获取)
                }
                if (at < 0 || length < 3) {
                    continue;
                }
                int end = at + length;
                if (end > bestEnd || (end == bestEnd && length > bestLength)) {
                    best = j;
                    bestEnd = end;
                    bestStart = at;
                    bestLength = length;
                }
            }
        }
        return best < 0 ? null : new int[] {best, bestStart};
    }

    /** A form label without the item or subgroup number it starts with ({@code 1属于国家秘密} → {@code 属于国家秘密}). */
    private static String withoutNumber(String label) {
        int k = 0;
        while (k < label.length()
                && (Character.isDigit(label.charAt(k)) || "一二三四五六七八九十".indexOf(label.charAt(k)) >= 0)) {
            k++;
        }
        return k == 0 ? "" : label.substring(k);
    }

    /** Where {@code label} last stands in {@code text} with at most one character different, or -1. */
    private static int lastIndexWithOneSlip(String text, String label) {
        for (int at = text.length() - label.length(); at >= 0; at--) {
            int slips = 0;
            for (int k = 0; k < label.length() && slips <= 1; k++) {
                slips += text.charAt(at + k) == label.charAt(k) ? 0 : 1;
            }
            if (slips <= 1) {
                return at;
            }
        }
        return -1;
    }

    private static ObservedRow blankRow(RowSpec spec, String label, ObservedRow next) {
        List<Token> blanks = new ArrayList<>();
        Token at = next.values().get(0);
        for (int c = 0; c < spec.cells().size(); c++) {
            blanks.add(Token.blank(at.line(), at.page(), Double.NaN, Double.NaN));
        }
        return new ObservedRow(label, "", blanks, -1);
    }
}
