package cn.ogi.form.edition;

import cn.ogi.form.rules.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule as declared in an edition file, with its {@code forEach} already resolved against the edition.
 *
 * @param code     rule code, e.g. {@code APP-BALANCE}
 * @param severity error or warning
 * @param kind     a comparison of two sides, or the per-cell non-negative check
 * @param variable the forEach variable, or null (then the rule has one instance)
 * @param values   the values the variable takes, in order (one finding per failing value)
 * @param left     left side (COMPARE only)
 * @param op       operator (COMPARE only)
 * @param right    right side (COMPARE only)
 * @param message  message template: {@code {var}}, {@code {left}}, {@code {right}}, {@code {left.terms}},
 *                 {@code {right.terms}}; for NON_NEGATIVE {@code {cell}}, {@code {label}}, {@code {value}}
 * @param types    the cell types NON_NEGATIVE checks
 * @param derives  the right side is a single total cell that the left side defines
 *                 (used by {@code ReportBuilder.withComputedTotals()})
 */
public record RuleDefinition(
        String code,
        Severity severity,
        Kind kind,
        String variable,
        List<String> values,
        Expression left,
        Comparison op,
        Expression right,
        String message,
        Set<CellType> types,
        boolean derives) {

    public enum Kind {
        COMPARE,
        NON_NEGATIVE
    }

    public RuleDefinition {
        values = List.copyOf(values);
        types = Set.copyOf(types);
    }

    /** One variable binding per instance; a single empty binding when the rule has no forEach. */
    public List<Map<String, String>> bindings() {
        return ForEach.bindings(variable, values);
    }

    public boolean usesPreviousYear() {
        return kind == Kind.COMPARE && (left.usesPrevious() || right.usesPrevious());
    }
}
