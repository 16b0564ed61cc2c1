package cn.ogi.reader.table;

import static cn.ogi.reader.table.RowReadings.BLANK;
import static cn.ogi.reader.table.RowReadings.INVISIBLE_BLANK;
import static cn.ogi.reader.table.RowReadings.MERGED;
import static cn.ogi.reader.table.RowReadings.MISSING;
import static cn.ogi.reader.table.RowReadings.PRINTED;
import static cn.ogi.reader.table.RowReadings.SPLIT;

import cn.ogi.reader.table.RowReadings.Options;
import cn.ogi.reader.table.RowReadings.Sum;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Every reading of one group of a row's cells (cells no sum of the row crosses) from a state of its tokens, in one
 * stage of inference (see {@link RowStages}): digits split or not, unshown blanks placed or not, numbers a single
 * space apart joined or not, the row's sums checked or not — depth first, the sums pruning the readings as they are
 * built, within a budget of nodes.
 */
final class GroupSearch {

    private static final int NODE_BUDGET = 400_000;
    /** Cells hold at most this many digits: longer parts of a run are not a reading. */
    static final int MAX_CELL_DIGITS = 15;

    private final List<Token> tokens;
    private final List<CellSpec> cells;
    private final Options options;
    private final int k;
    private final int n;
    private final TokenCounts counts;
    // per stage
    private boolean splits;
    private boolean invisible;
    private boolean checkSums;
    /** The empty cells at a row's end may be its cells (else only padding). */
    private boolean trailingCells;
    /** Cells placed where nothing is printed are unknown (grid rows), not blank. */
    boolean missing;

    private int joinsLeft;
    private int nodes;
    /** A budget stopped the search (of this row: there may be other readings). */
    boolean stopped;

    private final RowSoFar soFar;
    private int groupStart;
    private int groupEnd;
    private List<GroupPiece> pieces = new ArrayList<>();
    /** The row's sum whose total is its last cell, printed last, that bounds its parts (see {@link #bounded}), or null. */
    private final LastTotal lastTotal;

    GroupSearch(List<Token> tokens, List<CellSpec> cells, List<Sum> sums, Options options, TokenCounts counts) {
        this.tokens = tokens;
        this.cells = cells;
        this.options = options;
        this.k = cells.size();
        this.n = tokens.size();
        this.counts = counts;
        this.soFar = new RowSoFar(k, sums);
        this.lastTotal = LastTotal.of(tokens, cells, sums, counts.weak[0]);
    }

    /** Starts a stage: what it infers, and its own budget of nodes. */
    void begin(boolean splits, boolean invisible, boolean checkSums, boolean trailingCells) {
        this.splits = splits;
        this.invisible = invisible;
        this.checkSums = checkSums;
        this.trailingCells = trailingCells;
        this.nodes = 0;
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
        for (int p : lastTotal.sum.parts()) {
            if (p < ci && p >= groupStart) {
                if (!soFar.whole[p]) {
                    return true;
                }
                parts += soFar.longs[p];
            }
        }
        String last = tokens.get(n - 1).text();
        int from = ti == n - 1 ? off : ti < n - 1 ? 0 : last.length();
        return parts <= lastTotal.largest(last.length() - from);
    }

    /** A group of cells read from a state: its values and kinds, and where the tokens stand after it. */
    @SuppressWarnings("ArrayRecordComponent") // slices made and read inside one row's search
    record GroupPiece(BigDecimal[] values, byte[] kinds, int ti, int off, int joins) {}

    /** The readings of the cells {@code ci…end} from a state, by {@link #dfs}. */
    List<GroupPiece> group(int ti, int off, int ci, int end, int joins) {
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
        return groups;
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
            System.arraycopy(soFar.values, groupStart, v, 0, size);
            System.arraycopy(soFar.kinds, groupStart, kd, 0, size);
            pieces.add(new GroupPiece(v, kd, ti, off, joinsLeft));
            return;
        }
        if (!counts.feasible(ti, off, k - ci, joinsLeft, splits, invisible, trailingCells) || !bounded(ti, off, ci)) {
            return;
        }
        Token tok = ti < n ? tokens.get(ti) : null;
        if (tok != null && off == 0) {
            switch (tok.type()) {
                case BLANK, TRAILING, MERGED -> {
                    if (allowed(ti, ci) && (trailingCells || tok.type() != Token.Type.TRAILING)) {
                        soFar.place(
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
            soFar.place(ci, missing ? null : BigDecimal.ZERO, missing ? MISSING : INVISIBLE_BLANK);
            if (sumsHold(ci)) {
                dfs(ti, off, ci + 1);
            }
        }
        if (tok != null && tok.type() == Token.Type.NUMBER && allowed(ti, ci)) {
            number(ti, off, ci, tok);
        }
    }

    /** Cell {@code ci} read from number token {@code tok}, from its digit {@code off}: every cut of its digits. */
    private void number(int ti, int off, int ci, Token tok) {
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
            boolean ruledOut = isPlain && forced != RowSoFar.UNFORCED && plain != forced;
            if (e == len) {
                BigDecimal v = ruledOut
                        ? null
                        : isPlain
                                ? BigDecimal.valueOf(plain)
                                : value(ci, digits.substring(off, e), negative, tok.fraction(), tok.unit());
                if (v != null) {
                    soFar.place(ci, v, whole ? PRINTED : SPLIT);
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
                    soFar.place(ci, v, SPLIT);
                    if (sumsHold(ci)) {
                        dfs(ti, e, ci + 1);
                    }
                }
            }
        }
    }

    /** See {@link RowSoFar#forcedValue}; {@link RowSoFar#UNFORCED} when this stage does not check the sums. */
    private long forcedValue(int ci) {
        return checkSums ? soFar.forcedValue(ci) : RowSoFar.UNFORCED;
    }

    private boolean sumsHold(int ci) {
        return !checkSums || soFar.sumsHold(ci);
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
                soFar.place(ci, v, SPLIT);
                joinsLeft -= used;
                if (sumsHold(ci)) {
                    dfs(t + 1, 0, ci + 1);
                }
                joinsLeft += used;
            }
        }
    }

    /** {@link PrintedValue#of} in cell {@code ci}, in this stage. */
    BigDecimal value(int ci, String digits, boolean negative, String fraction, String unit) {
        return PrintedValue.of(
                cells.get(ci), digits, negative, fraction, unit, !(splits || invisible || joinsLeft > 0));
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
}
