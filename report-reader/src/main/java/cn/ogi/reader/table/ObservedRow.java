package cn.ogi.reader.table;

import cn.ogi.reader.text.Labels;
import java.util.ArrayList;
import java.util.List;

/**
 * A printed row as found in the token stream: the label printed with its numbers ({@code own}), the label text of
 * lines without numbers just before it ({@code pending}: a wrapped or detached label), and its value tokens.
 *
 * @param own     compact label text on the row itself
 * @param pending compact label text of the lines before it that had no numbers (at most the last 80 characters)
 * @param values  the row's numbers and empty cells in print order
 * @param first   index of the row's first value token in the token list
 * @param ownEnd  where the row's own label ends on its line (positioned layouts), or NaN
 */
public record ObservedRow(String own, String pending, List<Token> values, int first, double ownEnd) {

    private static final int PENDING = 240;

    public ObservedRow {
        values = List.copyOf(values);
    }

    /** A row whose own label's place is not known. */
    public ObservedRow(String own, String pending, List<Token> values, int first) {
        this(own, pending, values, first, Double.NaN);
    }

    /** The label to compare: the row's own, else the text printed before it. */
    public String label() {
        return own.isEmpty() ? pending : own;
    }

    public int line() {
        return values.get(0).line();
    }

    public int page() {
        return values.get(0).page();
    }

    public int numbers() {
        return (int) values.stream().filter(t -> t.type() == Token.Type.NUMBER).count();
    }

    /**
     * The rows of {@code tokens[from, to)}: label text starts a row; numbers belong to the label before them; a line
     * with only label text passes it on to the next row (wrapped and detached labels).
     */
    public static List<ObservedRow> of(List<Token> tokens, int from, int to) {
        List<ObservedRow> rows = new ArrayList<>();
        StringBuilder own = new StringBuilder();
        StringBuilder pending = new StringBuilder();
        List<Token> values = new ArrayList<>();
        int first = -1;
        int line = -1;
        double ownEnd = Double.NaN;
        for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
            Token t = tokens.get(i);
            if (t.line() != line) {
                if (!values.isEmpty()) {
                    rows.add(new ObservedRow(own.toString(), tail(pending), values, first, ownEnd));
                    own.setLength(0);
                    pending.setLength(0);
                    values = new ArrayList<>();
                } else if (!own.isEmpty()) {
                    pending.append(own);
                    own.setLength(0);
                }
                ownEnd = Double.NaN;
                line = t.line();
            }
            if (t.type() == Token.Type.LABEL) {
                if (!values.isEmpty()) {
                    rows.add(new ObservedRow(own.toString(), tail(pending), values, first, ownEnd));
                    own.setLength(0);
                    pending.setLength(0);
                    values = new ArrayList<>();
                }
                own.append(Labels.compact(t.text()));
                ownEnd = t.positioned() ? t.x1() : Double.NaN;
            } else {
                if (values.isEmpty()) {
                    first = i;
                }
                values.add(t);
            }
        }
        if (!values.isEmpty()) {
            rows.add(new ObservedRow(own.toString(), tail(pending), values, first, ownEnd));
        }
        return rows;
    }

    private static String tail(StringBuilder pending) {
        return pending.length() <= PENDING ? pending.toString() : pending.substring(pending.length() - PENDING);
    }

    @Override
    public String toString() {
        return "[" + (pending.isEmpty() ? "" : "(" + pending + ")") + own + " " + values + "]";
    }
}
