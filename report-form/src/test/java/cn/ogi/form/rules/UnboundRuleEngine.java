package cn.ogi.form.rules;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.edition.Expression;
import cn.ogi.form.edition.RuleDefinition;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportCells;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rule engine as it was before its rules were bound once per edition: every run binds each rule's
 * {@code forEach}, expands its references and builds every side's terms. Kept, in the tests only, as the reference
 * {@link BoundRulesTest} compares {@link RuleEngine} with.
 */
final class UnboundRuleEngine {

    private final Editions editions;

    UnboundRuleEngine(Editions editions) {
        this.editions = editions;
    }

    List<Finding> evaluate(AnnualReport report, AnnualReport previousYear) {
        EditionDefinition edition = editions.get(report.edition());
        ReportCells previous = previousYear == null ? null : previousYear.cells();
        List<Finding> findings = new ArrayList<>();
        for (RuleDefinition rule : edition.rules()) {
            if (rule.kind() == RuleDefinition.Kind.NON_NEGATIVE) {
                nonNegative(rule, edition, report.cells(), findings);
            } else if (!rule.usesPreviousYear() || previous != null) {
                for (Map<String, String> binding : rule.bindings()) {
                    compare(rule, binding, edition, report.cells(), previous, findings);
                }
            }
        }
        return findings;
    }

    private static void nonNegative(
            RuleDefinition rule, EditionDefinition edition, ReportCells cells, List<Finding> findings) {
        for (CellDefinition cell : edition.cells()) {
            if (!rule.types().contains(cell.type())) {
                continue;
            }
            cells.value(cell.key())
                    .filter(v -> v.signum() < 0)
                    .ifPresent(v -> findings.add(new Finding(
                            rule.code(),
                            rule.severity(),
                            List.of(cell.key()),
                            rule.message()
                                    .replace("{cell}", cell.key())
                                    .replace("{label}", cell.label())
                                    .replace("{value}", v.toPlainString()))));
        }
    }

    private static void compare(
            RuleDefinition rule,
            Map<String, String> binding,
            EditionDefinition edition,
            ReportCells cells,
            ReportCells previous,
            List<Finding> findings) {
        Side left = Side.of(rule.left().bind(binding), edition, cells, previous);
        Side right = Side.of(rule.right().bind(binding), edition, cells, previous);
        if (left == null || right == null || rule.op().holds(left.sum(), right.sum())) {
            return;
        }
        List<String> referenced = new ArrayList<>(left.cells());
        referenced.addAll(right.cells());
        String message = rule.message();
        for (var e : binding.entrySet()) {
            message = message.replace("{" + e.getKey() + "}", e.getValue());
        }
        message = message.replace("{left.terms}", left.terms())
                .replace("{right.terms}", right.terms())
                .replace("{left}", left.sum().toPlainString())
                .replace("{right}", right.sum().toPlainString());
        findings.add(new Finding(rule.code(), rule.severity(), referenced, message));
    }

    /**
     * One evaluated side: its sum, the current-year cells it used (previous-year cells belong to another
     * report, so they are named in the message only) and the terms as printed, e.g. {@code 10+1+0+0}.
     */
    private record Side(BigDecimal sum, List<String> cells, String terms) {

        /** Null when the instance must be skipped. */
        static Side of(Expression side, EditionDefinition edition, ReportCells cells, ReportCells previous) {
            BigDecimal sum = BigDecimal.ZERO;
            List<String> used = new ArrayList<>();
            StringBuilder terms = new StringBuilder();
            boolean namesCells = false;
            boolean anyPresent = false;
            for (Expression.Term term : side.terms()) {
                if (term.isLiteral()) {
                    sum = add(sum, term.sign(), term.literal(), terms);
                    continue;
                }
                namesCells = true;
                for (String key : edition.expand(term.reference())) {
                    ReportCells source = term.previous() ? previous : cells;
                    if (!source.has(key)) {
                        if (term.previous()) {
                            return null; // the previous report does not state it: nothing to compare
                        }
                        continue; // a row not printed drops out of the sum
                    }
                    BigDecimal value = source.value(key).orElse(null);
                    if (value == null) {
                        return null; // printed blank: unknown, not zero
                    }
                    anyPresent = true;
                    if (!term.previous()) {
                        used.add(key);
                    }
                    sum = add(sum, term.sign(), value, terms);
                }
            }
            return namesCells && !anyPresent ? null : new Side(sum, used, terms.toString());
        }

        private static BigDecimal add(BigDecimal sum, int sign, BigDecimal value, StringBuilder terms) {
            if (!terms.isEmpty() || sign < 0) {
                terms.append(sign < 0 ? "-" : "+");
            }
            terms.append(value.toPlainString());
            return sign < 0 ? sum.subtract(value) : sum.add(value);
        }
    }
}
