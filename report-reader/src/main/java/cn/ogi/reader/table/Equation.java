package cn.ogi.reader.table;

import cn.ogi.form.edition.Comparison;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Expression;
import cn.ogi.form.edition.RuleDefinition;
import cn.ogi.form.rules.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One instance of an equality rule of the edition as a linear equation over cells: {@code Σ coef·cell = constant}
 * (APP-BALANCE for a column, APP-TOTAL-COL for a row, REV-TOTAL for a group …). The rules are the edition's data;
 * nothing here names a row.
 *
 * @param rule     the rule code
 * @param cells    the cells, in the order the rule names them
 * @param coefs    their coefficients
 * @param constant the right-hand side
 */
@SuppressWarnings("ArrayRecordComponent") // made once per table from the edition's rules, read in the search only
public record Equation(String rule, List<String> cells, int[] coefs, BigDecimal constant) {

    public Equation {
        cells = List.copyOf(cells);
        coefs = coefs.clone();
    }

    /** Every error rule instance of {@code edition} that states an equality among cells of {@code present}. */
    public static List<Equation> of(EditionDefinition edition, Set<String> present) {
        List<Equation> out = new ArrayList<>();
        for (RuleDefinition rule : edition.rules()) {
            if (rule.kind() != RuleDefinition.Kind.COMPARE
                    || rule.op() != Comparison.EQUAL
                    || rule.usesPreviousYear()
                    || rule.severity() != Severity.ERROR) {
                continue;
            }
            for (Map<String, String> binding : rule.bindings()) {
                Map<String, Integer> coef = new LinkedHashMap<>();
                BigDecimal constant = BigDecimal.ZERO;
                constant = constant.subtract(side(rule.left().bind(binding), edition, present, coef, 1));
                constant = constant.add(side(rule.right().bind(binding), edition, present, coef, -1));
                coef.values().removeIf(c -> c == 0);
                if (coef.size() >= 2) {
                    out.add(new Equation(
                            rule.code(),
                            List.copyOf(coef.keySet()),
                            coef.values().stream().mapToInt(Integer::intValue).toArray(),
                            constant));
                }
            }
        }
        return out;
    }

    /** Adds the side's cells to {@code coef} with {@code sign}; returns the side's literal sum. */
    private static BigDecimal side(
            Expression side, EditionDefinition edition, Set<String> present, Map<String, Integer> coef, int sign) {
        BigDecimal literal = BigDecimal.ZERO;
        for (Expression.Term term : side.terms()) {
            if (term.isLiteral()) {
                literal = literal.add(term.literal().multiply(BigDecimal.valueOf(term.sign())));
                continue;
            }
            for (String key : edition.expand(term.reference())) {
                if (present.contains(key)) {
                    coef.merge(key, sign * term.sign(), Integer::sum);
                }
            }
        }
        return literal;
    }

    /**
     * The equation as a sum inside one row: cells {@code a + b + … = t} with all coefficients ±1 and one total of
     * the other sign, or null.
     */
    public RowReadings.Sum asSum(List<String> rowCells) {
        if (constant.signum() != 0 || !rowCells.containsAll(cells)) {
            return null;
        }
        int plus = 0;
        int minus = 0;
        for (int c : coefs) {
            if (c == 1) {
                plus++;
            } else if (c == -1) {
                minus++;
            } else {
                return null;
            }
        }
        int totalSign = minus == 1 ? -1 : plus == 1 ? 1 : 0;
        if (totalSign == 0) {
            return null;
        }
        int total = -1;
        int[] parts = new int[cells.size() - 1];
        int p = 0;
        for (int i = 0; i < cells.size(); i++) {
            int index = rowCells.indexOf(cells.get(i));
            if (coefs[i] == totalSign) {
                total = index;
            } else {
                parts[p++] = index;
            }
        }
        return new RowReadings.Sum(parts, total);
    }
}
