package cn.ogi.reader.table;

import cn.ogi.form.edition.CellType;
import cn.ogi.reader.table.RowReadings.Options;
import cn.ogi.reader.table.RowReadings.Reading;
import cn.ogi.reader.table.RowReadings.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A dash run together with the digits after it and the text before it ({@code 行政许可--8}, {@code 5-8}): the minus
 * of a signed cell (本年增/减) or a mark for nothing in the cell before, followed by the number — the text does not
 * tell which. A row's readings are those of every way of taking its dashes; the table's rules may then decide, and
 * where they do not, the cells the two ways read differently are ambiguous. In a row without a signed cell such a
 * dash is a mark.
 */
final class MinusOrMark {

    /** More such dashes in one row than this are not a table's row: the rest stay minus signs. */
    private static final int MOST_DASHES = 6;

    private MinusOrMark() {}

    /** The readings of {@code tokens} by {@code read}, every way of taking their dashes together (see the class). */
    static Result readings(
            List<Token> tokens, List<CellSpec> cells, Options options, Function<TokensAndOptions, Result> read) {
        List<Integer> dashes = new ArrayList<>();
        for (int i = 0; i < tokens.size() && dashes.size() < MOST_DASHES; i++) {
            if (tokens.get(i).minusOrMark()) {
                dashes.add(i);
            }
        }
        if (dashes.isEmpty()) {
            return read.apply(new TokensAndOptions(tokens, options));
        }
        boolean signed = cells.stream().anyMatch(c -> c.type() == CellType.SIGNED_COUNT);
        int first = signed ? 0 : (1 << dashes.size()) - 1;
        List<Result> results = new ArrayList<>();
        for (int asMarks = first; asMarks < 1 << dashes.size(); asMarks++) {
            results.add(read.apply(taken(tokens, options, dashes, asMarks)));
        }
        return merged(results);
    }

    /** The row's tokens and how to read them, with some of its dashes taken as marks. */
    record TokensAndOptions(List<Token> tokens, Options options) {}

    /** The tokens with the dashes whose bit is set in {@code asMarks} taken as a blank cell before an unsigned number. */
    private static TokensAndOptions taken(List<Token> tokens, Options options, List<Integer> dashes, int asMarks) {
        if (asMarks == 0) {
            return new TokensAndOptions(tokens, options);
        }
        List<Token> out = new ArrayList<>(tokens.size() + dashes.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int d = dashes.indexOf(i);
            if (d >= 0 && (asMarks & 1 << d) != 0) {
                out.add(t.markBefore());
                out.add(t.withoutMinus());
            } else {
                out.add(t);
            }
        }
        // the positions were given per printed token: a mark taken out of a number has none, so none are used
        return new TokensAndOptions(out, new Options(options.invisibleBlanks(), null));
    }

    /** Every reading of any of the results, distinct by values; complete only if each is, straight only if one. */
    private static Result merged(List<Result> results) {
        if (results.size() == 1) {
            return results.get(0);
        }
        Map<String, Reading> readings = new LinkedHashMap<>();
        Map<String, Reading> byPositions = new LinkedHashMap<>();
        boolean complete = true;
        int read = 0;
        for (Result r : results) {
            complete &= r.complete();
            read += r.readings().isEmpty() ? 0 : 1;
            r.readings().forEach(x -> add(readings, x));
            r.byPositions().forEach(x -> add(byPositions, x));
        }
        boolean straight = read == 1
                && results.stream().anyMatch(r -> r.straight() && !r.readings().isEmpty());
        return new Result(List.copyOf(readings.values()), complete, straight, List.copyOf(byPositions.values()));
    }

    /** Adds a reading; one of the same values read another way is a reading by inference. */
    private static void add(Map<String, Reading> into, Reading r) {
        Reading existing = into.putIfAbsent(Arrays.toString(r.values()), r);
        if (existing != null && !Arrays.equals(existing.kinds(), r.kinds())) {
            byte[] kinds = existing.kinds().clone();
            for (int i = 0; i < kinds.length; i++) {
                kinds[i] = kinds[i] == r.kinds()[i] ? kinds[i] : RowReadings.SPLIT;
            }
            into.put(Arrays.toString(r.values()), new Reading(existing.values(), kinds));
        }
    }
}
