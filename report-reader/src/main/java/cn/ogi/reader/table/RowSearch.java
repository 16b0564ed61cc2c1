package cn.ogi.reader.table;

import static cn.ogi.reader.table.RowReadings.MISSING;
import static cn.ogi.reader.table.RowReadings.PRINTED;
import static cn.ogi.reader.table.RowReadings.SPLIT;

import cn.ogi.reader.table.GroupSearch.GroupPiece;
import cn.ogi.reader.table.RowReadings.Options;
import cn.ogi.reader.table.RowReadings.Reading;
import cn.ogi.reader.table.RowReadings.Sum;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The readings of one row's tokens as its cells in one stage of inference at a time (see {@link RowStages}). The
 * cells are read group by group (cells no sum crosses, by {@link GroupSearch}), the cells after a group once per
 * state where they start, however it was reached; the readings are distinct by values.
 */
final class RowSearch {

    /** Any number of joins across single spaces. */
    static final int FREE = 1_000_000;

    private static final int READING_BUDGET = 4_000;

    final List<Token> tokens;
    final List<CellSpec> cells;
    final TokenCounts counts;
    private final int k;
    private final GroupSearch groups;
    final Map<String, Reading> found = new LinkedHashMap<>();
    /** Readings of the cells from a state on, once per state. */
    private final Map<String, List<Reading>> memo = new java.util.HashMap<>();
    /** Cells where a group of the row's sums may start: no sum has cells on both sides. */
    private final boolean[] boundary;

    RowSearch(List<Token> tokens, List<CellSpec> cells, List<Sum> sums, Options options) {
        this.tokens = tokens;
        this.cells = cells;
        this.k = cells.size();
        this.counts = new TokenCounts(tokens);
        this.groups = new GroupSearch(tokens, cells, sums, options, counts);
        this.boundary = boundaries(k, sums);
    }

    /** For each cell index, whether no sum has cells on both sides of it. */
    private static boolean[] boundaries(int k, List<Sum> sums) {
        boolean[] boundary = new boolean[k + 1];
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
        return boundary;
    }

    /** Did a budget stop the search (there may be other readings)? */
    boolean stopped() {
        return groups.stopped;
    }

    /** From the next stage on, cells placed where nothing is printed are unknown (grid rows), not blank. */
    void placeMissing() {
        groups.missing = true;
    }

    /** Finds the readings of one stage into {@link #found} (cleared first). */
    void stage(boolean splits, boolean invisible, int joins, boolean checkSums, boolean trailingCells) {
        groups.begin(splits, invisible, checkSums, trailingCells);
        found.clear();
        memo.clear();
        for (Reading r : suffixes(0, 0, 0, joins)) {
            accept(r.values(), r.kinds());
        }
    }

    /**
     * Every reading of cells {@code ci…k} from token {@code ti}, digit {@code off}: group by group (the cells
     * between two group boundaries are read by {@link GroupSearch}, the rest once per state where they start, however it
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
            if (off == 0 && counts.numbers[ti] == 0 && counts.fixed[ti] == 0 && (joins == 0 || joins >= FREE / 2)) {
                out.add(new Reading(new BigDecimal[0], new byte[0]));
            }
            memo.put(key, out);
            return out;
        }
        int end = ci + 1;
        while (end < k && !boundary[end]) {
            end++;
        }
        out.addAll(withSuffixes(groups.group(ti, off, ci, end, joins), ci, end));
        memo.put(key, out);
        return out;
    }

    /** Each group reading of cells {@code ci…end} followed by every reading of the cells after it, distinct by values. */
    private java.util.Collection<Reading> withSuffixes(List<GroupPiece> pieces, int ci, int end) {
        Map<String, Reading> distinct = new LinkedHashMap<>();
        for (GroupPiece piece : pieces) {
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
                    groups.stopped = true;
                    break;
                }
            }
            if (groups.stopped) {
                break;
            }
        }
        return distinct.values();
    }

    /**
     * One reading beside those found: the numbers left to right, each in the next cell, the cells left over unknown
     * (a grid row whose every number is the same: where its missing cell is changes none of them).
     */
    void readInOrder() {
        BigDecimal[] values = new BigDecimal[k];
        byte[] kinds = new byte[k];
        int c = 0;
        for (Token t : tokens) {
            if (t.type() == Token.Type.NUMBER && c < k) {
                values[c] = groups.value(c, t.text(), t.negative(), t.fraction(), t.unit());
                kinds[c] = values[c] == null ? MISSING : PRINTED;
                c++;
            }
        }
        while (c < k) {
            kinds[c++] = MISSING;
        }
        accept(values, kinds);
    }

    private void accept(BigDecimal[] values, byte[] kinds) {
        String key = Arrays.toString(values);
        Reading existing = found.get(key);
        if (existing == null) {
            if (found.size() >= READING_BUDGET) {
                groups.stopped = true;
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
