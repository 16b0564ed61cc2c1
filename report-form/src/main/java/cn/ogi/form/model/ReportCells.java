package cn.ogi.form.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The numbers of a report: an immutable, ordered map from cell key to value. A key present with a null
 * value means the cell was printed blank (not stated); an absent key means the row was not printed at all.
 * Values are normalised (no trailing zeros, never exponent notation) so that equal numbers compare,
 * hash and serialise identically.
 */
public final class ReportCells {

    private static final ReportCells EMPTY = new ReportCells(new LinkedHashMap<>());

    private final Map<String, BigDecimal> values;

    private ReportCells(Map<String, BigDecimal> values) { // always a LinkedHashMap: the order of the cells
        this.values = Collections.unmodifiableMap(values);
    }

    public static ReportCells of(Map<String, BigDecimal> values) {
        LinkedHashMap<String, BigDecimal> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, normalise(v)));
        return new ReportCells(copy);
    }

    public static ReportCells empty() {
        return EMPTY;
    }

    /** Strips trailing zeros but keeps integers out of exponent form (7545, not 7.545E+3). */
    public static BigDecimal normalise(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.scale() == 0) {
            return value; // already an integer without a decimal point: what stripping and rescaling would give
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The value, empty if the cell is absent or blank. */
    public Optional<BigDecimal> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** True if the cell is present, even when blank. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Set<String> keys() {
        return values.keySet();
    }

    /** Unmodifiable; may contain null values. */
    public Map<String, BigDecimal> asMap() {
        return values;
    }

    public int size() {
        return values.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportCells other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
