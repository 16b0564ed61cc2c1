package cn.ogi.form.edition;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The values a cell may hold, from the edition file's {@code bounds} (per cell type, optionally narrowed per
 * column or leaf row): from {@code min} to {@code max} inclusive, with at most {@code scale} decimal places.
 * A value outside is a {@code VALUE-RANGE} error naming the cell, never an accepted number.
 */
public record CellBounds(BigDecimal min, BigDecimal max, int scale) {

    public CellBounds {
        if (min == null || max == null || min.compareTo(max) > 0 || scale < 0) {
            throw new IllegalStateException(
                    "bounds need min ≤ max and a scale ≥ 0, got " + min + ", " + max + ", " + scale);
        }
    }

    /** Why the value does not fit, e.g. "is 1E+309; it must be from 0 to 100000000"; empty when it fits. */
    public Optional<String> problem(BigDecimal value) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            return Optional.of(
                    "is " + shown(value) + "; it must be from " + min.toPlainString() + " to " + max.toPlainString());
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > scale) {
            return Optional.of("is " + shown(value) + "; it may have at most " + scale + " decimal place"
                    + (scale == 1 ? "" : "s"));
        }
        return Optional.empty();
    }

    /** The bounds of the definition file's object, each member defaulting to this one's. */
    CellBounds narrowedBy(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return this;
        }
        return new CellBounds(
                node.has("min") ? node.get("min").decimalValue() : min,
                node.has("max") ? node.get("max").decimalValue() : max,
                node.has("scale") ? node.get("scale").asInt() : scale);
    }

    /** A number as a message shows it: plain unless that would print hundreds of digits (1E+309). */
    public static String shown(BigDecimal value) {
        return Math.abs(value.scale()) > 30 ? value.toString() : value.toPlainString();
    }
}
