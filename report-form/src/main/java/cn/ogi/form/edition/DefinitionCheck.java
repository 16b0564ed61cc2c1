package cn.ogi.form.edition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Self-check of a definition: every rule reference must name defined cells, so that a typo in a
 * definition file fails loudly instead of making a rule silently never fire; every indicator term must be one
 * defined cell of this year's report (no literal, no wildcard, no {@code prev:}), and indicator keys are unique.
 */
public final class DefinitionCheck {

    private DefinitionCheck() {}

    /** Human-readable problems; empty when the definition is consistent. */
    public static List<String> problems(EditionDefinition edition) {
        List<String> problems = new ArrayList<>();
        for (RuleDefinition rule : edition.rules()) {
            if (rule.kind() == RuleDefinition.Kind.NON_NEGATIVE) {
                if (rule.types().isEmpty()) {
                    problems.add(edition.id() + " " + rule.code() + ": nonNegative rule lists no types");
                }
                continue;
            }
            if (rule.variable() != null && rule.values().isEmpty()) {
                problems.add(edition.id() + " " + rule.code() + ": forEach " + rule.variable() + " has no values");
            }
            for (Map<String, String> binding : rule.bindings()) {
                check(edition, rule, rule.left().bind(binding), problems);
                check(edition, rule, rule.right().bind(binding), problems);
            }
            if (rule.derives()
                    && (rule.right().terms().size() != 1
                            || rule.right().terms().get(0).isLiteral()
                            || rule.right().terms().get(0).reference().contains("*"))) {
                problems.add(edition.id() + " " + rule.code() + ": a deriving rule needs one cell on the right");
            }
        }
        indicatorProblems(edition, problems);
        return problems;
    }

    private static void indicatorProblems(EditionDefinition edition, List<String> problems) {
        Set<String> keys = new HashSet<>();
        for (IndicatorDefinition indicator : edition.indicators()) {
            String what = edition.id() + " indicator " + indicator.key();
            if (!keys.add(indicator.key())) {
                problems.add(what + ": defined twice");
            }
            if (indicator.variable() != null && indicator.values().isEmpty()) {
                problems.add(what + ": forEach " + indicator.variable() + " has no values");
            }
            for (Map<String, String> binding : indicator.bindings()) {
                for (Expression side : List.of(
                        indicator.numerator().bind(binding),
                        indicator.denominator().bind(binding))) {
                    for (Expression.Term term : side.terms()) {
                        if (term.isLiteral() || term.previous() || !edition.hasCell(term.reference())) {
                            problems.add(what + ": " + (term.isLiteral() ? term.literal() : term.reference())
                                    + " is not a defined cell (an indicator's terms are cells of the report)");
                        }
                    }
                }
            }
        }
    }

    private static void check(EditionDefinition edition, RuleDefinition rule, Expression side, List<String> problems) {
        for (Expression.Term term : side.terms()) {
            if (term.isLiteral()) {
                continue;
            }
            if (term.reference().contains("{")) {
                problems.add(edition.id() + " " + rule.code() + ": unbound placeholder in " + term.reference());
            } else if (edition.expand(term.reference()).isEmpty()) {
                problems.add(edition.id() + " " + rule.code() + ": " + term.reference() + " names no defined cell");
            }
        }
    }
}
