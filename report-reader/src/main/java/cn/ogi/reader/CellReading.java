package cn.ogi.reader;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the reader established about one cell: a value with its provenance, or no value with the reason and, for
 * an ambiguous cell, the candidate values. Exactly one of {@code provenance} and {@code unknown} is set.
 *
 * @param value      the value (null when unknown)
 * @param provenance how the value was established, or null when unknown
 * @param unknown    why there is no value, or null when read
 * @param candidates the values the cell could have (ambiguous cells only; otherwise empty)
 * @param note       a short explanation in English (where the cell came from, or why it is unknown)
 */
public record CellReading(
        BigDecimal value, Provenance provenance, Unknown unknown, List<BigDecimal> candidates, String note) {

    public CellReading {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        if ((provenance == null) == (unknown == null)) {
            throw new IllegalArgumentException("a cell is either read (provenance) or unknown (reason)");
        }
    }

    public static CellReading read(BigDecimal value, Provenance provenance, String note) {
        return new CellReading(value, provenance, null, List.of(), note);
    }

    public static CellReading unknown(Unknown why, List<BigDecimal> candidates, String note) {
        return new CellReading(null, null, why, candidates, note);
    }

    public boolean known() {
        return provenance != null;
    }
}
