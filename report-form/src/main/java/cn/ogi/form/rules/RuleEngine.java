package cn.ogi.form.rules;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.edition.RuleDefinition;
import cn.ogi.form.model.AnnualReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the rules declared in a report's edition. Generic: it knows operators, sums and bindings,
 * never a row key. Thread-safe: each edition's rules are bound once, when the engine is made ({@link BoundRule}),
 * and only read afterwards.
 *
 * <p>Semantics: cells absent from the report (rows not printed) drop out of sums; an instance whose
 * referenced cells include a blank one, or an unknown previous-year cell, is skipped, as is one where a
 * side names cells but none is present. Cross-year rules run only when the previous year is given.
 */
public final class RuleEngine {

    private static final RuleEngine STANDARD = new RuleEngine(Editions.standard());

    private final Editions editions;
    private final Map<String, List<BoundRule>> bound;

    public RuleEngine(Editions editions) {
        this.editions = editions;
        Map<String, List<BoundRule>> byEdition = new HashMap<>();
        for (EditionDefinition edition : editions.all()) {
            byEdition.put(edition.id(), BoundRule.of(edition));
        }
        this.bound = Map.copyOf(byEdition);
    }

    public static RuleEngine standard() {
        return STANDARD;
    }

    public List<Finding> evaluate(AnnualReport report) {
        return evaluate(report, null);
    }

    /**
     * Evaluates the rules of the report's edition, the year-on-year ones too when the year before is known.
     *
     * @param previousYear the same agency's report for the year before, or null
     */
    public List<Finding> evaluate(AnnualReport report, AnnualReport previousYear) {
        List<BoundRule> rules = bound.get(report.edition());
        if (rules == null) {
            throw new IllegalArgumentException(
                    "unknown edition '" + report.edition() + "'; known editions: " + editions.ids());
        }
        Map<String, BigDecimal> cells = report.cells().asMap();
        Map<String, BigDecimal> previous =
                previousYear == null ? null : previousYear.cells().asMap();
        List<Finding> findings = new ArrayList<>();
        for (BoundRule rule : rules) {
            RuleDefinition definition = rule.rule();
            if (definition.kind() == RuleDefinition.Kind.NON_NEGATIVE) {
                nonNegative(rule, cells, findings);
            } else if (!definition.usesPreviousYear() || previous != null) {
                for (BoundRule.Instance instance : rule.instances()) {
                    compare(definition, instance, cells, previous, findings);
                }
            }
        }
        return findings;
    }

    private static void nonNegative(BoundRule bound, Map<String, BigDecimal> cells, List<Finding> findings) {
        RuleDefinition rule = bound.rule();
        for (CellDefinition cell : bound.checkedCells()) {
            BigDecimal v = cells.get(cell.key());
            if (v != null && v.signum() < 0) {
                findings.add(new Finding(
                        rule.code(),
                        rule.severity(),
                        List.of(cell.key()),
                        rule.message()
                                .replace("{cell}", cell.key())
                                .replace("{label}", cell.label())
                                .replace("{value}", v.toPlainString())));
            }
        }
    }

    private static void compare(
            RuleDefinition rule,
            BoundRule.Instance instance,
            Map<String, BigDecimal> cells,
            Map<String, BigDecimal> previous,
            List<Finding> findings) {
        BigDecimal left = sum(instance.left(), cells, previous, null, null);
        BigDecimal right = left == null ? null : sum(instance.right(), cells, previous, null, null);
        if (left == null || right == null || rule.op().holds(left, right)) {
            return;
        }
        // broken: once more, naming the cells used and the terms as printed (most instances hold, and skip this)
        List<String> referenced = new ArrayList<>();
        StringBuilder leftTerms = new StringBuilder();
        sum(instance.left(), cells, previous, referenced, leftTerms);
        StringBuilder rightTerms = new StringBuilder();
        sum(instance.right(), cells, previous, referenced, rightTerms);
        String message = instance.message()
                .replace("{left.terms}", leftTerms.toString())
                .replace("{right.terms}", rightTerms.toString())
                .replace("{left}", left.toPlainString())
                .replace("{right}", right.toPlainString());
        findings.add(new Finding(rule.code(), rule.severity(), referenced, message));
    }

    /**
     * One side's sum; null when the instance must be skipped. When {@code used} is given, the current-year cells the
     * sum used are added to it (previous-year cells belong to another report, so they are named in the message only)
     * and the terms as printed to {@code terms}, e.g. {@code 10+1+0+0}.
     */
    private static BigDecimal sum(
            BoundRule.Side side,
            Map<String, BigDecimal> cells,
            Map<String, BigDecimal> previous,
            List<String> used,
            StringBuilder terms) {
        BigDecimal sum = BigDecimal.ZERO;
        boolean namesCells = false;
        boolean anyPresent = false;
        for (BoundRule.Term term : side.terms()) {
            if (term.isLiteral()) {
                sum = add(sum, term.sign(), term.literal(), terms);
                continue;
            }
            namesCells = true;
            Map<String, BigDecimal> source = term.previous() ? previous : cells;
            for (String key : term.keys()) {
                BigDecimal value = source.get(key);
                if (value == null) {
                    if (!source.containsKey(key)) {
                        if (term.previous()) {
                            return null; // the previous report does not state it: nothing to compare
                        }
                        continue; // a row not printed drops out of the sum
                    }
                    return null; // printed blank: unknown, not zero
                }
                anyPresent = true;
                if (used != null && !term.previous()) {
                    used.add(key);
                }
                sum = add(sum, term.sign(), value, terms);
            }
        }
        return namesCells && !anyPresent ? null : sum;
    }

    private static BigDecimal add(BigDecimal sum, int sign, BigDecimal value, StringBuilder terms) {
        if (terms != null) {
            if (!terms.isEmpty() || sign < 0) {
                terms.append(sign < 0 ? "-" : "+");
            }
            terms.append(value.toPlainString());
        }
        return sign < 0 ? sum.subtract(value) : sum.add(value);
    }
}
