package cn.ogi.stats.query;

import cn.ogi.form.edition.Expression;
import cn.ogi.form.edition.IndicatorDefinition;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The one evaluation of an indicator of the edition definitions ({@link IndicatorDefinition}): Σ numerator cells /
 * Σ denominator cells, each term with its sign, to 6 decimals; null when the denominator is 0 ({@link Numbers#rate}).
 * The cells are read from the sums of a {@link MetricSet}: an indicator belongs to a metric set when every cell it
 * names is one of the set's sums (its {@code {column}} the set's column).
 */
final class Indicator {

    private final String name;
    private final String label;
    private final int[] numerator;
    private final int[] numeratorSigns;
    private final int[] denominator;
    private final int[] denominatorSigns;

    private Indicator(String name, String label, int[][] numerator, int[][] denominator) {
        this.name = name;
        this.label = label;
        this.numerator = numerator[0];
        this.numeratorSigns = numerator[1];
        this.denominator = denominator[0];
        this.denominatorSigns = denominator[1];
    }

    /** The indicator over the sums whose cell templates are {@code sumCells}, or empty if it names another cell. */
    static Optional<Indicator> over(IndicatorDefinition definition, List<String> sumCells) {
        if (definition.variable() != null && !definition.variable().equals(MetricSet.COLUMN_VARIABLE)) {
            return Optional.empty();
        }
        int[][] numerator = positions(definition.numerator(), sumCells);
        int[][] denominator = positions(definition.denominator(), sumCells);
        if (numerator == null || denominator == null) {
            return Optional.empty();
        }
        return Optional.of(new Indicator(definition.key(), definition.label(), numerator, denominator));
    }

    String name() {
        return name;
    }

    String label() {
        return label;
    }

    /** The indicator's value, given the sums of the metric set in order (already plain). */
    BigDecimal value(BigDecimal[] sums) {
        return Numbers.rate(total(sums, numerator, numeratorSigns), total(sums, denominator, denominatorSigns));
    }

    /** Per term, the position of its cell among the sums and its sign; null when a cell is not among them. */
    private static int[][] positions(Expression side, List<String> sumCells) {
        List<Expression.Term> terms = side.terms();
        int[][] result = new int[2][terms.size()];
        for (int t = 0; t < terms.size(); t++) {
            Expression.Term term = terms.get(t);
            int position = term.isLiteral() || term.previous() ? -1 : sumCells.indexOf(term.reference());
            if (position < 0) {
                return null;
            }
            result[0][t] = position;
            result[1][t] = term.sign();
        }
        return result;
    }

    private static BigDecimal total(BigDecimal[] values, int[] positions, int[] signs) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < positions.length; i++) {
            total = signs[i] < 0 ? total.subtract(values[positions[i]]) : total.add(values[positions[i]]);
        }
        return total;
    }
}
