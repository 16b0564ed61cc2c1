package cn.ogi.form.rules;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Expression;
import cn.ogi.form.edition.RuleDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rule of one edition made ready to evaluate, once per edition ({@link RuleEngine}'s constructor): its
 * {@code forEach} bound, its references' wildcards expanded against the edition's cells, its message's variables
 * filled in, and for NON_NEGATIVE the cells of its types. What depends on the report only is left to evaluation.
 * Immutable, so shared by every thread.
 *
 * @param rule the rule as declared
 * @param checkedCells NON_NEGATIVE: the edition's cells of the rule's types, in canonical order; else empty
 * @param instances COMPARE: one per binding, in the binding order; else empty
 */
record BoundRule(RuleDefinition rule, List<CellDefinition> checkedCells, List<Instance> instances) {

    BoundRule {
        checkedCells = List.copyOf(checkedCells);
        instances = List.copyOf(instances);
    }

    /**
     * One instance of a comparison: its two sides and its message with the binding's variables replaced (the
     * sides' figures are filled in when it fails).
     */
    record Instance(Side left, Side right, String message) {}

    /** One side: its terms, in order. */
    record Side(List<Term> terms) {

        Side {
            terms = List.copyOf(terms);
        }
    }

    /**
     * A signed term: a literal, or the cells a reference names (a wildcard expanded, in the edition's order; empty
     * when the edition defines none), of this year's report or — {@code previous} — of the year before.
     */
    record Term(int sign, boolean previous, BigDecimal literal, List<String> keys) {

        Term {
            keys = List.copyOf(keys);
        }

        boolean isLiteral() {
            return literal != null;
        }
    }

    /** The rules of an edition, bound, in their declared order. */
    static List<BoundRule> of(EditionDefinition edition) {
        List<BoundRule> bound = new ArrayList<>(edition.rules().size());
        for (RuleDefinition rule : edition.rules()) {
            bound.add(of(rule, edition));
        }
        return List.copyOf(bound);
    }

    static BoundRule of(RuleDefinition rule, EditionDefinition edition) {
        if (rule.kind() == RuleDefinition.Kind.NON_NEGATIVE) {
            return new BoundRule(
                    rule,
                    edition.cells().stream()
                            .filter(c -> rule.types().contains(c.type()))
                            .toList(),
                    List.of());
        }
        List<Instance> instances = new ArrayList<>();
        for (Map<String, String> binding : rule.bindings()) {
            String message = rule.message();
            for (var e : binding.entrySet()) {
                message = message.replace("{" + e.getKey() + "}", e.getValue());
            }
            instances.add(new Instance(
                    side(rule.left().bind(binding), edition), side(rule.right().bind(binding), edition), message));
        }
        return new BoundRule(rule, List.of(), instances);
    }

    private static Side side(Expression bound, EditionDefinition edition) {
        return new Side(bound.terms().stream()
                .map(t -> t.isLiteral()
                        ? new Term(t.sign(), false, t.literal(), List.of())
                        : new Term(t.sign(), t.previous(), null, edition.expand(t.reference())))
                .toList());
    }
}
