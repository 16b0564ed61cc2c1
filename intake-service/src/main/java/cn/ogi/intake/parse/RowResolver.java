package cn.ogi.intake.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Puts the numbers printed on one table row into the row's cells. Blank cells inside a printed row count as 0
 * (noted); a row with too few numbers keeps its numbers in print order with the last cells null unless the
 * table's sums show where the gap is; digits run together are split where the sums allow. Rows that stay
 * ambiguous are handed to {@link Ambiguities} to decide with the whole report's rules.
 */
final class RowResolver {

    private final CellSink sink;

    RowResolver(CellSink sink) {
        this.sink = sink;
    }

    /**
     * @param keys       the row's cell keys in print order
     * @param row        the printed row
     * @param consistent the row's own sum rule (true when it holds or cannot be checked), or null when the row
     *                   has none (then ambiguities are not decided by the report's rules)
     * @param convert    turns a printed quantity into the cell's value (unit conversion)
     */
    void resolve(
            List<String> keys,
            TextRow row,
            Predicate<List<BigDecimal>> consistent,
            Function<Quantity, BigDecimal> convert) {
        int e = keys.size();
        List<Quantity> printed = row.values();
        if (row.glued() != null && printed.size() < e) {
            resolveGlued(keys, row, consistent, convert);
            return;
        }
        if (printed.size() > e) {
            List<String> dropped = new ArrayList<>();
            for (Quantity q : printed.subList(0, printed.size() - e)) {
                dropped.add(q == null ? "blank" : q.value().toPlainString());
            }
            sink.note(
                    ParseNote.IGNORED_NUMBER,
                    keys,
                    "row printed " + printed.size() + " numbers for " + e + " cells; ignored the leading " + dropped);
            printed = printed.subList(printed.size() - e, printed.size());
        }
        List<BigDecimal> values = new ArrayList<>(printed.size());
        List<String> blanks = new ArrayList<>();
        for (int i = 0; i < printed.size(); i++) {
            Quantity q = printed.get(i);
            if (q == null) {
                values.add(BigDecimal.ZERO);
                blanks.add(keys.get(i));
            } else {
                values.add(convert.apply(q));
                noteApproximate(keys.get(i), q);
            }
        }
        if (!blanks.isEmpty()) {
            sink.note(ParseNote.BLANK_CELL, blanks, "blank cell(s) in a printed row recorded as 0");
        }
        if (values.size() == e) {
            putAll(keys, values);
            return;
        }
        if (consistent != null && blanks.isEmpty() && values.size() < e && splitRunTogether(keys, values, consistent)) {
            return;
        }
        resolveMissing(keys, values, row, consistent);
    }

    private void resolveMissing(
            List<String> keys, List<BigDecimal> values, TextRow row, Predicate<List<BigDecimal>> consistent) {
        int e = keys.size();
        int missing = e - values.size();
        List<List<BigDecimal>> candidates = new ArrayList<>();
        List<BigDecimal> leftToRight = new ArrayList<>(values);
        while (leftToRight.size() < e) {
            leftToRight.add(null);
        }
        candidates.add(leftToRight);
        if (consistent != null && missing <= 2 && !row.pipe()) {
            // in the pipe layout a gap would have shown as an empty cell, so only pdf layout text is re-placed
            for (List<BigDecimal> c : placements(values, e)) {
                if (!c.equals(leftToRight)) {
                    candidates.add(c);
                }
            }
        }
        List<List<BigDecimal>> ok = candidates.stream()
                .filter(c -> consistent == null || consistent.test(c))
                .toList();
        String what = "row printed " + values.size() + " numbers for " + e + " cells";
        if (ok.size() == 1 || consistent == null) {
            List<BigDecimal> chosen = ok.isEmpty() ? leftToRight : ok.get(0);
            putAll(keys, chosen);
            noteMissing(
                    keys,
                    chosen,
                    what
                            + (chosen == leftToRight
                                    ? "; numbers kept in print order"
                                    : "; the table's sums place the gap"),
                    chosen != leftToRight);
            return;
        }
        if (ok.isEmpty()) {
            putAll(keys, leftToRight);
            noteMissing(
                    keys, leftToRight, what + "; numbers kept in print order (no placement satisfies the sums)", false);
            return;
        }
        putAll(keys, leftToRight);
        sink.pending.add(new CellSink.Ambiguity(keys, ok, ok.indexOf(leftToRight), what, false));
    }

    private void resolveGlued(
            List<String> keys,
            TextRow row,
            Predicate<List<BigDecimal>> consistent,
            Function<Quantity, BigDecimal> convert) {
        int e = keys.size();
        List<BigDecimal> rest = new ArrayList<>();
        for (Quantity q : row.values()) {
            rest.add(q == null ? BigDecimal.ZERO : convert.apply(q));
        }
        int parts = e - rest.size();
        String digits = row.glued();
        String what = "digits '" + digits + "' run together with the label";
        if (parts == 1) {
            List<BigDecimal> all = new ArrayList<>();
            all.add(new BigDecimal(digits));
            all.addAll(rest);
            putAll(keys, all);
            sink.note(ParseNote.INFERRED, keys.subList(0, 1), what + "; read as one number");
            return;
        }
        List<List<BigDecimal>> candidates = new ArrayList<>();
        for (List<BigDecimal> split : DigitSplitter.split(digits, parts)) {
            List<BigDecimal> c = new ArrayList<>(split);
            c.addAll(rest);
            if (consistent == null || consistent.test(c)) {
                candidates.add(c);
            }
        }
        List<BigDecimal> even = DigitSplitter.equalWidth(digits, parts);
        List<BigDecimal> evenRow = null;
        if (even != null) {
            evenRow = new ArrayList<>(even);
            evenRow.addAll(rest);
        }
        if (consistent == null) {
            // no sum constrains this row: only an even split is a defensible reading
            if (evenRow != null) {
                putAll(keys, evenRow);
                sink.note(
                        ParseNote.INFERRED,
                        keys,
                        what + "; no rule of the table constrains the row, split into " + parts
                                + " numbers of equal width " + even);
            } else {
                putAll(keys, Collections.nCopies(e, null));
                sink.note(
                        ParseNote.MISSING_NUMBER,
                        keys,
                        what + "; cannot be split into " + parts
                                + " numbers without a rule to check them, cells left blank");
            }
            return;
        }
        decide(keys, candidates, evenRow, what);
    }

    /** Numbers of a row run together among themselves ({@code 9 00009}): split one of them where the sums allow. */
    private boolean splitRunTogether(
            List<String> keys, List<BigDecimal> values, Predicate<List<BigDecimal>> consistent) {
        int e = keys.size();
        int parts = e - values.size() + 1;
        List<List<BigDecimal>> candidates = new ArrayList<>();
        String token = null;
        for (int t = 0; t < values.size(); t++) {
            BigDecimal v = values.get(t);
            if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0 || v.compareTo(BigDecimal.TEN) < 0) {
                continue;
            }
            String digits = v.toBigInteger().toString();
            for (List<BigDecimal> split : DigitSplitter.split(digits, parts)) {
                List<BigDecimal> c = new ArrayList<>(values.subList(0, t));
                c.addAll(split);
                c.addAll(values.subList(t + 1, values.size()));
                if (consistent.test(c) && !candidates.contains(c)) {
                    candidates.add(c);
                    token = digits;
                }
            }
        }
        if (candidates.isEmpty()) {
            return false;
        }
        decide(
                keys,
                candidates,
                null,
                "row printed " + values.size() + " numbers for " + e + " cells, digits run together"
                        + (candidates.size() == 1 ? " ('" + token + "')" : ""));
        return true;
    }

    private void decide(List<String> keys, List<List<BigDecimal>> candidates, List<BigDecimal> evenRow, String what) {
        int e = keys.size();
        if (candidates.size() == 1) {
            putAll(keys, candidates.get(0));
            sink.note(
                    ParseNote.INFERRED,
                    keys,
                    what + "; split as " + candidates.get(0) + ", the only split the row's sum allows");
            return;
        }
        if (candidates.isEmpty()) {
            putAll(keys, Collections.nCopies(e, null));
            sink.note(ParseNote.MISSING_NUMBER, keys, what + "; no split satisfies the row's sum, cells left blank");
            return;
        }
        if (candidates.size() > 200) {
            putAll(keys, Collections.nCopies(e, null));
            sink.note(
                    ParseNote.MISSING_NUMBER,
                    keys,
                    what + "; " + candidates.size() + " splits satisfy the row's sum, cells left blank");
            return;
        }
        putAll(keys, Collections.nCopies(e, null));
        sink.pending.add(new CellSink.Ambiguity(
                keys, candidates, evenRow == null ? -1 : candidates.indexOf(evenRow), what, true));
    }

    /** Every way of putting the printed numbers, in order, into {@code e} cells with the rest left null. */
    private static List<List<BigDecimal>> placements(List<BigDecimal> values, int e) {
        List<List<BigDecimal>> out = new ArrayList<>();
        if (values.size() == e) {
            out.add(new ArrayList<>(values));
            return out;
        }
        if (values.size() > e) {
            return out;
        }
        // the first cell is either a gap or the first printed number
        List<BigDecimal> tail = values.isEmpty() ? values : values.subList(1, values.size());
        for (List<BigDecimal> rest : placements(values, e - 1)) {
            rest.add(0, null);
            out.add(rest);
        }
        if (!values.isEmpty()) {
            for (List<BigDecimal> rest : placements(tail, e - 1)) {
                rest.add(0, values.get(0));
                out.add(rest);
            }
        }
        return out;
    }

    private void noteMissing(List<String> keys, List<BigDecimal> chosen, String message, boolean inferred) {
        List<String> nulls = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (chosen.get(i) == null) {
                nulls.add(keys.get(i));
            }
        }
        if (nulls.isEmpty()) {
            return;
        }
        sink.note(ParseNote.MISSING_NUMBER, nulls, message + "; left blank: " + nulls);
        if (inferred) {
            sink.note(ParseNote.INFERRED, keys, message);
        }
    }

    private void noteApproximate(String key, Quantity q) {
        if (q.approximate()) {
            sink.note(
                    ParseNote.APPROXIMATE_AMOUNT,
                    List.of(key),
                    "printed approximately (" + q.value().toPlainString() + (q.unit() == null ? "" : q.unit())
                            + "); recorded as stated");
        }
    }

    private void putAll(List<String> keys, List<BigDecimal> values) {
        for (int i = 0; i < keys.size(); i++) {
            sink.put(keys.get(i), values.get(i));
        }
    }
}
