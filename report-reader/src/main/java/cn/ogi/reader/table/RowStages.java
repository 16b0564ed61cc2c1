package cn.ogi.reader.table;

import cn.ogi.reader.table.RowReadings.Options;
import cn.ogi.reader.table.RowReadings.Reading;
import cn.ogi.reader.table.RowReadings.Result;
import cn.ogi.reader.table.RowReadings.Sum;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stages in which a row's readings are found (see {@link RowReadings}), of increasing inference: as printed;
 * with the empty cells at the row's end; digits split, unshown blanks placed and spaces inside numbers joined; a
 * grid row's missing cell. The first stage that reads the row at all gives the row's set of readings.
 */
final class RowStages {

    private final List<Token> tokens;
    private final List<CellSpec> cells;
    private final List<Sum> sums;
    private final Options options;
    private final int k;
    private final RowSearch search;
    /** The readings of the last stage (see {@link RowSearch#found}). */
    private final Map<String, Reading> found;

    RowStages(List<Token> tokens, List<CellSpec> cells, List<Sum> sums, Options options) {
        this.tokens = tokens;
        this.cells = cells;
        this.sums = sums;
        this.options = options;
        this.k = cells.size();
        this.search = new RowSearch(tokens, cells, sums, options);
        this.found = search.found;
    }

    /**
     * A row's tokens without the empty cells after its numbers that the form has no cells for (a grid padded to its
     * widest row; a one-line scrape where one row's closing pipe meets the next row's opening one). Kept when the
     * row has empty cells among its numbers too: which of them is padding could not be told.
     */
    static List<Token> withoutPadding(List<Token> tokens, int cells) {
        int end = tokens.size();
        while (end > cells && tokens.get(end - 1).type() == Token.Type.BLANK) {
            end--;
        }
        if (end == tokens.size()) {
            return tokens;
        }
        for (int i = 0; i < end; i++) {
            if (tokens.get(i).type() != Token.Type.NUMBER) {
                return tokens;
            }
        }
        return tokens.subList(0, end);
    }

    Result run() {
        int numbers = search.counts.numbers[0];
        int fixed = search.counts.fixed[0];
        int trailing = search.counts.trailing[0];
        int weak = search.counts.weak[0];
        if (numbers + fixed == k) {
            // read as printed, whatever the row's sums say: a publisher's error is recorded, never "fixed" —
            // unless a text gives several totals smaller than their own parts: its numbers are then not in the
            // form's order (a column listed after a column), and no reading of them is the row
            search.stage(false, false, 0, false, false);
            if (!celled() && found.values().stream().allMatch(r -> RowReadings.impossibleTotals(r, sums) >= 2)) {
                found.clear();
                return result(false);
            }
            if (weak == 0 || found.isEmpty()) {
                return result(!found.isEmpty());
            }
            return withJoinsCompeting();
        }
        if (numbers + fixed > k) {
            // more numbers than cells: spaces inside numbers must explain it (and the numbers so joined may leave
            // room for the empty cells at the row's end)
            search.stage(true, options.invisibleBlanks(), RowSearch.FREE, true, true);
            return result(false);
        }
        if (trailing > 0 && numbers + fixed + trailing >= k && !fillsWithoutTrailing()) {
            // the row needs the empty cells at its end to be whole: they are its blank cells, as printed
            search.stage(false, false, 0, false, true);
            if (!found.isEmpty() && weak == 0) {
                return result(true);
            }
            if (!found.isEmpty()) {
                return withJoinsCompeting();
            }
        }
        if (celled()) {
            return shortGridRow(numbers, fixed);
        }
        search.stage(true, options.invisibleBlanks(), RowSearch.FREE, true, true);
        if (found.isEmpty() && !search.stopped() && options.columns() != null) {
            // the positions may mislead (a cell printed off its column): read without them; or the row's own
            // numbers break its sums: the readings by the positions are kept beside, for the table to weigh
            Result without = new RowStages(tokens, cells, sums, new Options(options.invisibleBlanks(), null)).run();
            search.stage(true, options.invisibleBlanks(), RowSearch.FREE, false, true);
            return new Result(
                    without.readings(),
                    without.complete() && !search.stopped(),
                    without.straight(),
                    search.stopped() ? List.of() : List.copyOf(found.values()));
        }
        return result(false);
    }

    /**
     * The readings as printed (found) and, competing with them, those joining numbers separated by single spaces
     * (an OCR space inside a number). Joined readings must satisfy the row's sums — unless no printed reading
     * does: the row then breaks its own sums whichever way it is read, so the sums cannot tell the readings apart.
     */
    private Result withJoinsCompeting() {
        Map<String, Reading> printed = new LinkedHashMap<>(found);
        boolean printedBalances = sums.isEmpty() || printed.values().stream().anyMatch(this::balances);
        search.stage(true, options.invisibleBlanks(), RowSearch.FREE, printedBalances, true);
        printed.forEach(found::putIfAbsent);
        return result(false);
    }

    /** Does a reading satisfy every sum of the row? */
    private boolean balances(Reading r) {
        return sums.stream().allMatch(s -> s.holds(r.values()));
    }

    /** Could the row's digits fill its cells without the empty cells at its end (by splitting them)? */
    private boolean fillsWithoutTrailing() {
        RowSearch probe = new RowSearch(tokens, cells, List.of(), new Options(false, null));
        probe.stage(true, false, 0, false, false);
        return !probe.found.isEmpty() || probe.stopped();
    }

    /** Every value token comes from a bounded cell: an empty cell would have shown as one. */
    private boolean celled() {
        for (Token t : tokens) {
            if (t.type() != Token.Type.TRAILING && !t.celled()) {
                return false;
            }
        }
        return !tokens.isEmpty();
    }

    /**
     * A grid row with fewer cells than the form's: where the gap is cannot be seen. Digits run together in a
     * cell are split where the sums allow; otherwise, when every number printed is the same, where the gap is
     * does not change any of them (numbers left to right, the cells left over unknown); else the gap's place is
     * tried everywhere, and the cells it changes stay unknown.
     */
    private Result shortGridRow(int numbers, int fixed) {
        // digits run together may be split; numbers a single space apart may as well be one (an OCR space)
        search.stage(true, false, RowSearch.FREE, true, true);
        if (!found.isEmpty() || search.stopped()) {
            return result(false);
        }
        boolean same = fixed == 0
                && tokens.stream()
                                .filter(t -> t.type() == Token.Type.NUMBER)
                                .map(t -> t.text() + "." + t.fraction())
                                .distinct()
                                .count()
                        == 1;
        if (same && numbers < k) {
            search.readInOrder();
            return new Result(List.copyOf(found.values()), true, false);
        }
        search.placeMissing();
        search.stage(false, true, 0, true, true);
        return result(false);
    }

    private Result result(boolean straight) {
        return new Result(List.copyOf(found.values()), !search.stopped(), straight && found.size() == 1);
    }
}
