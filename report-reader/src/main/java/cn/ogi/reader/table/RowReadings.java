package cn.ogi.reader.table;

import cn.ogi.form.edition.CellType;
import cn.ogi.reader.text.Units;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every way the printed tokens of one row can be read as the row's cells. A token is one cell as printed; where
 * there are more tokens than cells, numbers separated by a single space are joined (OCR spaces inside numbers);
 * where there are fewer, digits run together are split (no part but 0 starts with 0) and, where the source does
 * not show empty cells, blank cells are placed — honouring the columns the tokens' positions allow. The row's own
 * sums (a total and its parts inside the row) prune the readings as they are built. Readings are found in stages
 * of increasing inference, and the first stage that reads the row at all is the row's set of readings.
 */
public final class RowReadings {

    /** Cell kinds of a reading. */
    public static final byte PRINTED = 0;
    /** A visibly empty cell. */
    public static final byte BLANK = 1;
    /** A number split from digits run together, or joined across a space. */
    public static final byte SPLIT = 2;
    /** An empty cell the source does not show, placed where the row needs one. */
    public static final byte INVISIBLE_BLANK = 3;
    /** A number spanning several rows: not stated for this one. */
    public static final byte MERGED = 4;
    /** A cell a grid row lacks (a row of 14 cells for 15): not printed, so unknown. */
    public static final byte MISSING = 5;

    /** A sum inside the row: cells {@code parts} add up to cell {@code total}. */
    @SuppressWarnings("ArrayRecordComponent") // made once per row from an equation, read in the search only
    public record Sum(int[] parts, int total) {
        /** Do the cells add up in {@code values} (true when one of them is not a number)? */
        public boolean holds(BigDecimal[] values) {
            BigDecimal t = values[total];
            BigDecimal sum = BigDecimal.ZERO;
            for (int p : parts) {
                if (values[p] == null) {
                    return true;
                }
                sum = sum.add(values[p]);
            }
            return t == null || sum.compareTo(t) == 0;
        }

        /** Does the sum name cell {@code cell}? */
        public boolean names(int cell) {
            if (total == cell) {
                return true;
            }
            for (int p : parts) {
                if (p == cell) {
                    return true;
                }
            }
            return false;
        }

        int last() {
            int m = total;
            for (int p : parts) {
                m = Math.max(m, p);
            }
            return m;
        }
    }

    /**
     * One reading.
     *
     * @param values the cell values (null for a merged cell)
     * @param kinds  how each cell was read
     */
    @SuppressWarnings("ArrayRecordComponent") // thousands are made per row: arrays, compared by their values' text
    public record Reading(BigDecimal[] values, byte[] kinds) {
        public boolean straight() {
            for (byte k : kinds) {
                if (k == SPLIT || k == INVISIBLE_BLANK) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    /**
     * The readings found.
     *
     * @param readings distinct by values
     * @param complete false when a budget stopped the search: there may be other readings
     * @param straight the reading needed no inference (each token one cell)
     */
    public record Result(List<Reading> readings, boolean complete, boolean straight, List<Reading> byPositions) {
        public Result {
            readings = List.copyOf(readings);
            byPositions = List.copyOf(byPositions);
        }

        public Result(List<Reading> readings, boolean complete, boolean straight) {
            this(readings, complete, straight, List.of());
        }
    }

    /**
     * How to read a row.
     *
     * @param invisibleBlanks the source does not show empty cells (text layouts, one-line scrapes, PDF)
     * @param columns         for each token, the lowest and highest cell index its position allows, or null
     */
    @SuppressWarnings("ArrayRecordComponent") // column ranges per token, made for one row and read in its search
    public record Options(boolean invisibleBlanks, int[][] columns) {}

    private static final int NODE_BUDGET = 400_000;
    /** Any number of joins across single spaces. */
    private static final int FREE = 1_000_000;

    private static final int READING_BUDGET = 4_000;
    /** Cells hold at most this many digits: longer parts of a run are not a reading. */
    private static final int MAX_CELL_DIGITS = 15;
    /** What {@link #holdsInLongs} tells of a sum. */
    private static final int HOLDS = 1;

    private static final int BREAKS = 0;
    private static final int NOT_WHOLE = -1;
    /** No sum says what a cell must hold (see {@link #forcedValue}). */
    private static final long UNFORCED = Long.MIN_VALUE;

    private final List<Token> tokens;
    private final List<CellSpec> cells;
    private final List<Sum> sums;
    private final Options options;
    private final int k;
    private final int n;
    // per stage
    private boolean splits;
    private boolean invisible;
    private boolean checkSums;
    /** The empty cells at a row's end may be its cells (else only padding). */
    private boolean trailingCells;
    /** Cells placed where nothing is printed are unknown (grid rows), not blank. */
    private boolean missing;

    private int joinsLeft;
    private int nodes;
    private boolean stopped;
    private final BigDecimal[] values;
    /** The values as longs where {@link #whole}: the sums are checked on these. */
    private final long[] longs;
    /** Which values are whole numbers of at most 16 digits. */
    private final boolean[] whole;

    private final byte[] kinds;
    private final Map<String, Reading> found = new LinkedHashMap<>();
    /** Readings of the cells from a state on, once per state. */
    private final Map<String, List<Reading>> memo = new java.util.HashMap<>();
    /** Cells where a group of the row's sums may start: no sum has cells on both sides. */
    private final boolean[] boundary;

    private int groupStart;
    private int groupEnd;
    private List<GroupPiece> pieces = new ArrayList<>();
    /** sums by the index of their last cell */
    private final List<List<Sum>> sumsAt;

    private final int[] suffixNumbers;
    private final int[] suffixDigits;
    private final int[] suffixFixed;
    private final int[] suffixTrailing;
    private final int[] suffixWeak;
    /** The row's sum whose total is its last cell, printed last, that bounds its parts (see {@link #bounded}), or null. */
    private final Sum lastTotal;
    /** The values of the last 0…15 digits of the row's last number: the largest total those digits can print. */
    private final long[] tailValues;

    private RowReadings(List<Token> tokens, List<CellSpec> cells, List<Sum> sums, Options options) {
        this.tokens = tokens;
        this.cells = cells;
        this.sums = sums;
        this.options = options;
        this.k = cells.size();
        this.n = tokens.size();
        this.values = new BigDecimal[k];
        this.longs = new long[k];
        this.whole = new boolean[k];
        this.kinds = new byte[k];
        this.sumsAt = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            sumsAt.add(new ArrayList<>());
        }
        for (Sum s : sums) {
            sumsAt.get(s.last()).add(s);
        }
        boundary = new boolean[k + 1];
        for (int b = 0; b <= k; b++) {
            boolean inside = false;
            for (Sum s : sums) {
                int first = s.total();
                for (int p : s.parts()) {
                    first = Math.min(first, p);
                }
                inside |= first < b && b <= s.last();
            }
            boundary[b] = !inside;
        }
        suffixNumbers = new int[n + 1];
        suffixDigits = new int[n + 1];
        suffixFixed = new int[n + 1];
        suffixTrailing = new int[n + 1];
        suffixWeak = new int[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            suffixNumbers[i] = suffixNumbers[i + 1] + (t.type() == Token.Type.NUMBER ? 1 : 0);
            suffixDigits[i] = suffixDigits[i + 1]
                    + (t.type() == Token.Type.NUMBER ? t.text().length() : 0);
            suffixFixed[i] =
                    suffixFixed[i + 1] + (t.type() == Token.Type.BLANK || t.type() == Token.Type.MERGED ? 1 : 0);
            suffixTrailing[i] = suffixTrailing[i + 1] + (t.type() == Token.Type.TRAILING ? 1 : 0);
            suffixWeak[i] = suffixWeak[i + 1] + (t.type() == Token.Type.NUMBER && t.weakBefore() && i > 0 ? 1 : 0);
        }
        lastTotal = lastTotal(tokens, cells, sums, suffixWeak[0]);
        tailValues = lastTotal == null ? null : tailValues(tokens.get(n - 1).text());
    }

    /**
     * The sum whose total is the row's last cell, when the row ends with a plain number (no unit, decimals or sign)
     * and nothing can join numbers: then the total's digits are the end of that number, and the parts, counts that
     * cannot be negative, can never add up to more than those digits are worth.
     */
    private static Sum lastTotal(List<Token> tokens, List<CellSpec> cells, List<Sum> sums, int weak) {
        if (tokens.isEmpty() || weak > 0) {
            return null;
        }
        Token last = tokens.get(tokens.size() - 1);
        if (last.type() != Token.Type.NUMBER
                || last.negative()
                || !last.fraction().isEmpty()
                || last.unit() != null
                || !digitsOnly(last.text())) {
            return null;
        }
        for (Sum s : sums) {
            boolean counts =
                    s.total() == cells.size() - 1 && cells.get(s.total()).type() == CellType.COUNT;
            for (int p : s.parts()) {
                counts &= cells.get(p).type() == CellType.COUNT && p < s.total();
            }
            if (counts) {
                return s;
            }
        }
        return null;
    }

    private static long[] tailValues(String digits) {
        long[] out = new long[Math.min(MAX_CELL_DIGITS, digits.length()) + 1];
        for (int m = 1; m < out.length; m++) {
            out[m] = Long.parseLong(digits.substring(digits.length() - m));
        }
        return out;
    }

    /**
     * Can the parts read so far (cells before {@code ci}) still be covered by the total that the digits from
     * ({@code ti}, {@code off}) can print? A reading whose parts already exceed it is cut before it goes on.
     */
    private boolean bounded(int ti, int off, int ci) {
        if (lastTotal == null || !splits || !checkSums || missing || ci >= k) {
            return true;
        }
        long parts = 0;
        for (int p : lastTotal.parts()) {
            if (p < ci && p >= groupStart) {
                if (!whole[p]) {
                    return true;
                }
                parts += longs[p];
            }
        }
        String last = tokens.get(n - 1).text();
        int from = ti == n - 1 ? off : ti < n - 1 ? 0 : last.length();
        return parts <= tailValues[Math.min(tailValues.length - 1, last.length() - from)];
    }

    /** The readings of {@code tokens} as the cells {@code cells}, pruned by the row's own {@code sums}. */
    public static Result of(List<Token> tokens, List<CellSpec> cells, List<Sum> sums, Options options) {
        return new RowReadings(withoutPadding(tokens, cells.size()), cells, sums, options).run();
    }

    /**
     * A row's tokens without the empty cells after its numbers that the form has no cells for (a grid padded to its
     * widest row; a one-line scrape where one row's closing pipe meets the next row's opening one). Kept when the
     * row has empty cells among its numbers too: which of them is padding could not be told.
     */
    private static List<Token> withoutPadding(List<Token> tokens, int cells) {
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

    /**
     * How many of the sums a reading breaks beyond any slip of the publisher's: a total that is not 0 (a total left
     * unfilled is a slip) yet smaller than one of its own parts.
     */
    static int impossibleTotals(Reading reading, List<Sum> sums) {
        int impossible = 0;
        for (Sum sum : sums) {
            BigDecimal total = orZero(reading.values()[sum.total()]);
            BigDecimal largest = BigDecimal.ZERO;
            for (int part : sum.parts()) {
                largest = largest.max(orZero(reading.values()[part]));
            }
            impossible += total.signum() != 0 && total.compareTo(largest) < 0 ? 1 : 0;
        }
        return impossible;
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** The same without the row's sums (every reading of the printed digits). */
    public static Result unconstrained(List<Token> tokens, List<CellSpec> cells, Options options) {
        return new RowReadings(withoutPadding(tokens, cells.size()), cells, List.of(), options).run();
    }

    private Result run() {
        int numbers = suffixNumbers[0];
        int fixed = suffixFixed[0];
        int trailing = suffixTrailing[0];
        int weak = suffixWeak[0];
        if (numbers + fixed == k) {
            // read as printed, whatever the row's sums say: a publisher's error is recorded, never "fixed" —
            // unless a text gives several totals smaller than their own parts: its numbers are then not in the
            // form's order (a column listed after a column), and no reading of them is the row
            stage(false, false, 0, false, false);
            if (!celled() && found.values().stream().allMatch(r -> impossibleTotals(r, sums) >= 2)) {
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
            stage(true, options.invisibleBlanks(), FREE, true, true);
            return result(false);
        }
        if (trailing > 0 && numbers + fixed + trailing >= k && !fillsWithoutTrailing()) {
            // the row needs the empty cells at its end to be whole: they are its blank cells, as printed
            stage(false, false, 0, false, true);
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
        stage(true, options.invisibleBlanks(), FREE, true, true);
        if (found.isEmpty() && !stopped && options.columns() != null) {
            // the positions may mislead (a cell printed off its column): read without them; or the row's own
            // numbers break its sums: the readings by the positions are kept beside, for the table to weigh
            Result without = new RowReadings(tokens, cells, sums, new Options(options.invisibleBlanks(), null)).run();
            stage(true, options.invisibleBlanks(), FREE, false, true);
            return new Result(
                    without.readings(),
                    without.complete() && !stopped,
                    without.straight(),
                    stopped ? List.of() : List.copyOf(found.values()));
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
        stage(true, options.invisibleBlanks(), FREE, printedBalances, true);
        printed.forEach(found::putIfAbsent);
        return result(false);
    }

    /** Does a reading satisfy every sum of the row? */
    private boolean balances(Reading r) {
        return sums.stream().allMatch(s -> s.holds(r.values()));
    }

    /** Could the row's digits fill its cells without the empty cells at its end (by splitting them)? */
    private boolean fillsWithoutTrailing() {
        RowReadings probe = new RowReadings(tokens, cells, List.of(), new Options(false, null));
        probe.stage(true, false, 0, false, false);
        return !probe.found.isEmpty() || probe.stopped;
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
        stage(true, false, FREE, true, true);
        if (!found.isEmpty() || stopped) {
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
            int c = 0;
            for (Token t : tokens) {
                if (t.type() == Token.Type.NUMBER && c < k) {
                    BigDecimal v = whole(t, c);
                    place(c++, v, v == null ? MISSING : PRINTED);
                }
            }
            while (c < k) {
                place(c++, null, MISSING);
            }
            accept();
            return new Result(List.copyOf(found.values()), true, false);
        }
        missing = true;
        stage(false, true, 0, true, true);
        return result(false);
    }

    private Result result(boolean straight) {
        return new Result(List.copyOf(found.values()), !stopped, straight && found.size() == 1);
    }

    private void stage(boolean splits, boolean invisible, int joins, boolean checkSums, boolean trailingCells) {
        this.splits = splits;
        this.invisible = invisible;
        this.checkSums = checkSums;
        this.trailingCells = trailingCells;
        this.nodes = 0;
        found.clear();
        memo.clear();
        for (Reading r : suffixes(0, 0, 0, joins)) {
            System.arraycopy(r.values(), 0, values, 0, k);
            System.arraycopy(r.kinds(), 0, kinds, 0, k);
            accept();
        }
    }

    /** A group of cells read from a state: its values and kinds, and where the tokens stand after it. */
    @SuppressWarnings("ArrayRecordComponent") // slices made and read inside one row's search
    private record GroupPiece(BigDecimal[] values, byte[] kinds, int ti, int off, int joins) {}

    /**
     * Every reading of cells {@code ci…k} from token {@code ti}, digit {@code off}: group by group (the cells
     * between two group boundaries are read by {@link #dfs}, the rest once per state where they start, however it
     * was reached), distinct by values.
     */
    private List<Reading> suffixes(int ti, int off, int ci, int joins) {
        int normalized = joins >= FREE / 2 ? FREE : joins;
        String key = ti + ":" + off + ":" + ci + ":" + normalized;
        List<Reading> known = memo.get(key);
        if (known != null) {
            return known;
        }
        List<Reading> out = new ArrayList<>();
        if (ci == k) {
            if (off == 0 && suffixNumbers[ti] == 0 && suffixFixed[ti] == 0 && (joins == 0 || joins >= FREE / 2)) {
                out.add(new Reading(new BigDecimal[0], new byte[0]));
            }
            memo.put(key, out);
            return out;
        }
        int end = ci + 1;
        while (end < k && !boundary[end]) {
            end++;
        }
        List<GroupPiece> groups = new ArrayList<>();
        int savedEnd = groupEnd;
        List<GroupPiece> savedPieces = pieces;
        groupStart = ci;
        groupEnd = end;
        pieces = groups;
        joinsLeft = joins;
        dfs(ti, off, ci);
        groupEnd = savedEnd;
        pieces = savedPieces;
        Map<String, Reading> distinct = new LinkedHashMap<>();
        for (GroupPiece piece : groups) {
            for (Reading rest : suffixes(piece.ti(), piece.off(), end, piece.joins())) {
                BigDecimal[] v = new BigDecimal[k - ci];
                byte[] kd = new byte[k - ci];
                System.arraycopy(piece.values(), 0, v, 0, end - ci);
                System.arraycopy(piece.kinds(), 0, kd, 0, end - ci);
                System.arraycopy(rest.values(), 0, v, end - ci, rest.values().length);
                System.arraycopy(rest.kinds(), 0, kd, end - ci, rest.kinds().length);
                Reading r = new Reading(v, kd);
                Reading existing = distinct.putIfAbsent(Arrays.toString(v), r);
                if (existing != null) {
                    for (int i = 0; i < kd.length; i++) {
                        if (existing.kinds()[i] != kd[i]) {
                            existing.kinds()[i] = SPLIT;
                        }
                    }
                }
                if (distinct.size() > READING_BUDGET) {
                    stopped = true;
                    break;
                }
            }
            if (stopped) {
                break;
            }
        }
        out.addAll(distinct.values());
        memo.put(key, out);
        return out;
    }

    private void dfs(int ti, int off, int ci) {
        if (stopped || ++nodes > NODE_BUDGET) {
            stopped = true;
            return;
        }
        if (ci == groupEnd) {
            int size = groupEnd - groupStart;
            BigDecimal[] v = new BigDecimal[size];
            byte[] kd = new byte[size];
            System.arraycopy(values, groupStart, v, 0, size);
            System.arraycopy(kinds, groupStart, kd, 0, size);
            pieces.add(new GroupPiece(v, kd, ti, off, joinsLeft));
            return;
        }
        if (!feasible(ti, off, ci) || !bounded(ti, off, ci)) {
            return;
        }
        Token tok = ti < n ? tokens.get(ti) : null;
        if (tok != null && off == 0) {
            switch (tok.type()) {
                case BLANK, TRAILING, MERGED -> {
                    if (allowed(ti, ci) && (trailingCells || tok.type() != Token.Type.TRAILING)) {
                        place(
                                ci,
                                tok.type() == Token.Type.MERGED ? null : BigDecimal.ZERO,
                                tok.type() == Token.Type.MERGED ? MERGED : BLANK);
                        if (sumsHold(ci)) {
                            dfs(ti + 1, 0, ci + 1);
                        }
                    }
                    if (tok.type() == Token.Type.TRAILING) {
                        dfs(ti + 1, 0, ci); // padding of the scrape, not a cell
                    }
                    return;
                }
                default -> {}
            }
        }
        if (invisible && invisibleAllowed(ti, off, ci)) {
            place(ci, missing ? null : BigDecimal.ZERO, missing ? MISSING : INVISIBLE_BLANK);
            if (sumsHold(ci)) {
                dfs(ti, off, ci + 1);
            }
        }
        if (tok == null || tok.type() != Token.Type.NUMBER || !allowed(ti, ci)) {
            return;
        }
        String digits = tok.text();
        int len = digits.length();
        int maxEnd = digits.charAt(off) == '0' ? off + 1 : Math.min(len, off + MAX_CELL_DIGITS);
        boolean negative = off == 0 && tok.negative();
        boolean plainEnd = tok.fraction().isEmpty() && tok.unit() == null;
        long forced = forcedValue(ci);
        long plain = 0; // the digits from off to e as a whole number, while they are all digits
        boolean allDigits = true;
        for (int e = off + 1; e <= maxEnd; e++) {
            char c = digits.charAt(e - 1);
            allDigits &= c >= '0' && c <= '9';
            plain = allDigits ? plain * 10 + (c - '0') : 0;
            if (e < len && (!splits || tok.alone())) {
                continue; // a number that is all its cell or piece holds is that number, never several cells
            }
            boolean whole = off == 0 && e == len;
            // a plain whole number (no minus, decimal part or unit) is this cell's value as it stands; where a sum
            // ending here already says what the cell must hold, any other such number would break it
            boolean isPlain = allDigits && !negative && (e < len || plainEnd);
            boolean ruledOut = isPlain && forced != UNFORCED && plain != forced;
            if (e == len) {
                BigDecimal v = ruledOut
                        ? null
                        : isPlain
                                ? BigDecimal.valueOf(plain)
                                : value(ci, digits.substring(off, e), negative, tok.fraction(), tok.unit());
                if (v != null) {
                    place(ci, v, whole ? PRINTED : SPLIT);
                    if (sumsHold(ci)) {
                        dfs(ti + 1, 0, ci + 1);
                    }
                }
                if (whole && joinsLeft > 0) {
                    join(ti, ci, digits);
                }
            } else if (!ruledOut) {
                BigDecimal v =
                        isPlain ? BigDecimal.valueOf(plain) : value(ci, digits.substring(off, e), negative, "", null);
                if (v != null) {
                    place(ci, v, SPLIT);
                    if (sumsHold(ci)) {
                        dfs(ti, e, ci + 1);
                    }
                }
            }
        }
    }

    /**
     * The whole number that cell {@code ci} must hold for a sum ending at it to hold, when every other cell of that
     * sum is already a whole number ({@link #sumsHold} would refuse any other); {@link #UNFORCED} when no sum says,
     * and a negative number when two sums disagree or the parts already exceed the total.
     */
    private long forcedValue(int ci) {
        if (!checkSums) {
            return UNFORCED;
        }
        long forced = UNFORCED;
        for (Sum s : sumsAt.get(ci)) {
            long others = partsInLongs(s, ci);
            if (others == UNFORCED || (s.total() != ci && !whole[s.total()])) {
                continue;
            }
            long must = s.total() == ci ? others : longs[s.total()] - others;
            if (forced != UNFORCED && forced != must) {
                return -1;
            }
            forced = must;
        }
        return forced;
    }

    /**
     * Joins whole tokens separated by single spaces into one cell ({@code 1 362} → 1362, {@code 966.4 6} → 966.46):
     * digits after a decimal point continue the decimal part.
     */
    private void join(int ti, int ci, String digits) {
        Token first = tokens.get(ti);
        StringBuilder whole = new StringBuilder(digits);
        StringBuilder fraction = new StringBuilder(first.fraction());
        int used = 0;
        for (int t = ti + 1; t < n && used < joinsLeft; t++) {
            Token next = tokens.get(t);
            if (next.type() != Token.Type.NUMBER || !next.weakBefore() || !allowed(t, ci) || next.negative()) {
                return;
            }
            if (fraction.isEmpty()) {
                whole.append(next.text());
                fraction.append(next.fraction());
            } else if (next.fraction().isEmpty()) {
                fraction.append(next.text());
            } else {
                return;
            }
            used++;
            if ((whole.charAt(0) == '0' && whole.length() > 1) || whole.length() > MAX_CELL_DIGITS) {
                return;
            }
            BigDecimal v = value(ci, whole.toString(), first.negative(), fraction.toString(), next.unit());
            if (v != null) {
                place(ci, v, SPLIT);
                joinsLeft -= used;
                if (sumsHold(ci)) {
                    dfs(t + 1, 0, ci + 1);
                }
                joinsLeft += used;
            }
        }
    }

    /**
     * The value of {@code digits} in cell {@code ci}: a minus printed before them applies to the first cell read
     * from the token, a decimal part and a unit printed after them to the last; null when the cell cannot hold it.
     */
    private BigDecimal value(int ci, String digits, boolean negative, String fraction, String unit) {
        CellSpec cell = cells.get(ci);
        if (cell.integral() && !fraction.isEmpty()) {
            return null;
        }
        BigDecimal v = fraction.isEmpty() && plainDigits(digits)
                ? BigDecimal.valueOf(Long.parseLong(digits))
                : new BigDecimal(fraction.isEmpty() ? digits : digits + "." + fraction);
        if (negative) {
            if (cell.type() != CellType.SIGNED_COUNT && (splits || invisible || joinsLeft > 0)) {
                return null; // only a signed cell takes a minus, unless the row is read exactly as printed
            }
            v = v.negate();
        }
        if (cell.unit() != null && unit != null) {
            v = cell.unit().equals("元") ? Units.inYuan(v, unit) : Units.inWan(v, unit);
        } else if (cell.unit() == null && unit != null) {
            return null; // money (or 万) printed where the form counts things
        }
        return v;
    }

    /** Digits a long holds, parsed without BigDecimal's general parser. */
    private static boolean plainDigits(String digits) {
        return !digits.isEmpty() && digits.length() <= 18 && digitsOnly(digits);
    }

    private static boolean digitsOnly(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private BigDecimal whole(Token t, int ci) {
        return value(ci, t.text(), t.negative(), t.fraction(), t.unit());
    }

    private void place(int ci, BigDecimal v, byte kind) {
        values[ci] = v;
        kinds[ci] = kind;
        whole[ci] = v != null && v.scale() == 0 && v.precision() <= 16; // fifteen of them still fit a long
        longs[ci] = whole[ci] ? v.longValue() : 0;
    }

    private boolean sumsHold(int ci) {
        if (!checkSums) {
            return true;
        }
        for (Sum s : sumsAt.get(ci)) {
            BigDecimal total = values[s.total()];
            if (total == null) {
                continue;
            }
            int inLongs = holdsInLongs(s);
            if (inLongs == BREAKS) {
                return false;
            }
            if (inLongs == HOLDS) {
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            boolean unknown = false;
            for (int p : s.parts()) {
                if (values[p] == null) {
                    unknown = true;
                    break;
                }
                sum = sum.add(values[p]);
            }
            if (!unknown && sum.compareTo(total) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The sum checked on whole numbers alone (no BigDecimal arithmetic in the search's innermost step): HOLDS,
     * BREAKS, or NOT_WHOLE when a cell of it is unknown or not a whole number of a long's range (the caller then
     * checks it exactly).
     */
    private int holdsInLongs(Sum s) {
        long parts = whole[s.total()] ? partsInLongs(s, -1) : UNFORCED;
        if (parts == UNFORCED) {
            return NOT_WHOLE;
        }
        return parts == longs[s.total()] ? HOLDS : BREAKS;
    }

    /** The sum of {@code s}'s parts but {@code except}, when each is a whole number; else {@link #UNFORCED}. */
    private long partsInLongs(Sum s, int except) {
        long sum = 0;
        for (int p : s.parts()) {
            if (p != except) {
                if (!whole[p]) {
                    return UNFORCED;
                }
                sum += longs[p];
            }
        }
        return sum;
    }

    /** Can the tokens from here fill exactly the cells left? */
    private boolean feasible(int ti, int off, int ci) {
        int left = k - ci;
        int numbers = suffixNumbers[ti];
        int digits = suffixDigits[ti] - off;
        if (off > 0) {
            numbers = suffixNumbers[ti]; // the current token's rest still counts as one number
        }
        int fixed = suffixFixed[ti];
        int min = Math.max(0, numbers - Math.min(joinsLeft, suffixWeak[ti])) + fixed;
        int trailing = trailingCells ? suffixTrailing[ti] : 0;
        if (!splits && !invisible && joinsLeft == 0) {
            return min <= left && left <= numbers + fixed + trailing;
        }
        int max = (splits ? digits : numbers) + fixed + trailing;
        return min <= left && (invisible || left <= max);
    }

    private boolean allowed(int ti, int ci) {
        int[][] cols = splits || invisible ? options.columns() : null; // as printed, order alone places each token
        if (cols == null || cols[ti] == null) {
            return true;
        }
        return ci >= cols[ti][0] && ci <= cols[ti][1];
    }

    /**
     * A blank cell nobody printed may stand here unless the positions say a token is in this column: then the
     * token's own column range decides.
     */
    private boolean invisibleAllowed(int ti, int off, int ci) {
        int[][] cols = options.columns();
        if (cols == null) {
            return true;
        }
        if (ti < n && cols[ti] != null && off == 0) {
            return ci < cols[ti][0];
        }
        return ti >= n || cols[ti] == null || off > 0;
    }

    private void accept() {
        String key = Arrays.toString(values);
        Reading existing = found.get(key);
        if (existing == null) {
            if (found.size() >= READING_BUDGET) {
                stopped = true;
                return;
            }
            found.put(key, new Reading(values.clone(), kinds.clone()));
        } else {
            // the same values read two ways: the cells read differently are inferred
            for (int i = 0; i < k; i++) {
                if (existing.kinds()[i] != kinds[i]) {
                    existing.kinds()[i] = SPLIT;
                }
            }
        }
    }
}
