package cn.ogi.reader.layout;

import java.util.regex.Pattern;

/**
 * A table copied from a web page or a word processor into a text: its cells separated by single tabs, an empty cell
 * as nothing between two tabs ({@code 2.其他法律行政法规禁止公开\t4\t\t\t\t\t\t4}). Turned into spaces, as tabs in
 * other texts are, those empty cells would vanish into one gap; so when the text's rows show that they are such a
 * copy, every line with tabs is written as a row of cells ({@code |}), whose empty cells stay visible blanks.
 *
 * <p>The evidence is the form's own: a row of Table 2 has seven columns (自然人, the five kinds of 法人或其他组织,
 * 总计), so in a copy nearly every line that ends in numbers ends in exactly seven fields that are numbers or
 * empty. Tabs typed to line columns up (a run of them where one gap is meant) do not give that, and such a text
 * is read with its tabs as gaps, as before.
 */
public final class TabSeparatedCells {

    /** The number columns of a Table 2 row, in both editions. */
    private static final int TABLE_2_COLUMNS = 7;

    private static final int MIN_ROWS = 5;
    private static final double MIN_SHARE = 0.8;

    /**
     * A field that a number cell can hold: digits (half- or full-width), separators, a dash, 无, or nothing; the
     * number perhaps with its counting word or unit ({@code 12件}, {@code 3.5万元}).
     */
    private static final Pattern CELL =
            Pattern.compile("[ \\u00A0\\u3000\\d０-９.,，\\-—–/／无]*" + TextLayout.COUNTED + "[ \\u00A0\\u3000]*");

    private static final Pattern DIGIT = Pattern.compile(".*[0-9０-９].*");

    private TabSeparatedCells() {}

    /** The text with its tab-separated lines as pipe rows when it is such a copy; otherwise the text unchanged. */
    public static String asPipeRows(String raw) {
        if (raw.indexOf('\t') < 0) {
            return raw;
        }
        // lines end in \n, \r\n, or \r alone (a copy made on an old Mac, or by some exports)
        String text = raw.indexOf('\r') < 0 ? raw : raw.replace("\r\n", "\n").replace('\r', '\n');
        if (!isCopiedTable(text)) {
            return raw;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            if (line.indexOf('\t') >= 0) {
                // every field ends with a pipe, so that empty fields at the row's end are kept too
                out.append(line.replace('\t', '|')).append('|');
            } else {
                out.append(line);
            }
        }
        return out.toString();
    }

    private static boolean isCopiedTable(String raw) {
        int rows = 0;
        int sevenCells = 0;
        for (String line : raw.split("\n", -1)) {
            if (line.indexOf('|') >= 0) {
                return false; // pipes of its own: a pipe scrape or Markdown, not a copy
            }
            String[] fields = line.split("\t", -1);
            if (fields.length <= TABLE_2_COLUMNS || !endsInNumbers(fields)) {
                continue;
            }
            int cells = 0;
            for (int i = fields.length - 1; i >= 0 && CELL.matcher(fields[i]).matches(); i--) {
                cells++;
            }
            if (cells == 0 || cells == fields.length) {
                continue; // not a labelled row (Table 3's numbers stand without a label)
            }
            rows++;
            if (cells == TABLE_2_COLUMNS) {
                sevenCells++;
            }
        }
        return rows >= MIN_ROWS && sevenCells >= MIN_SHARE * rows;
    }

    private static boolean endsInNumbers(String[] fields) {
        for (int i = fields.length - 1; i >= Math.max(0, fields.length - TABLE_2_COLUMNS); i--) {
            if (DIGIT.matcher(fields[i]).matches()) {
                return true;
            }
        }
        return false;
    }
}
