package cn.ogi.form.edition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One side of a rule: a sum of signed terms. A term is an integer literal or a cell reference,
 * optionally prefixed {@code prev:} (the previous year's report), with {@code {var}} placeholders
 * and {@code *} wildcards (one key segment, expanded against the edition's defined cells).
 * Example: {@code applications.withheld.*.{column} + prev:applications.carriedForward.total - 1}.
 */
public record Expression(String source, List<Term> terms) {

    public static final String PREVIOUS = "prev:";

    /** A signed term: {@code sign} is +1 or -1; exactly one of {@code reference} and {@code literal} is set. */
    public record Term(int sign, boolean previous, String reference, BigDecimal literal) {

        public boolean isLiteral() {
            return literal != null;
        }

        Term bind(Map<String, String> binding) {
            if (isLiteral()) {
                return this;
            }
            String bound = reference;
            for (var e : binding.entrySet()) {
                bound = bound.replace("{" + e.getKey() + "}", e.getValue());
            }
            return new Term(sign, previous, bound, null);
        }
    }

    public Expression {
        terms = List.copyOf(terms);
    }

    public static Expression parse(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("empty rule expression");
        }
        List<Term> terms = new ArrayList<>();
        int sign = 1;
        boolean expectTerm = true;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '+' || c == '-') {
                if (!expectTerm) {
                    expectTerm = true;
                    sign = c == '-' ? -1 : 1;
                } else if (c == '-' && terms.isEmpty()) {
                    sign = -sign; // a leading minus
                } else {
                    throw new IllegalArgumentException("two operators in a row at " + i + " in '" + source + "'");
                }
                i++;
            } else {
                int end = i;
                while (end < source.length()
                        && !Character.isWhitespace(source.charAt(end))
                        && source.charAt(end) != '+'
                        && source.charAt(end) != '-') {
                    end++;
                }
                if (!expectTerm) {
                    throw new IllegalArgumentException(
                            "missing + or - before '" + source.substring(i, end) + "' in '" + source + "'");
                }
                terms.add(term(sign, source.substring(i, end)));
                sign = 1;
                expectTerm = false;
                i = end;
            }
        }
        if (expectTerm) {
            throw new IllegalArgumentException("expression ends with an operator: '" + source + "'");
        }
        return new Expression(source, terms);
    }

    private static Term term(int sign, String token) {
        if (token.chars().allMatch(Character::isDigit)) {
            return new Term(sign, false, null, new BigDecimal(token));
        }
        boolean previous = token.startsWith(PREVIOUS);
        return new Term(sign, previous, previous ? token.substring(PREVIOUS.length()) : token, null);
    }

    /** The same expression with {@code {var}} placeholders replaced. */
    public Expression bind(Map<String, String> binding) {
        return new Expression(source, terms.stream().map(t -> t.bind(binding)).toList());
    }

    public boolean usesPrevious() {
        return terms.stream().anyMatch(Term::previous);
    }
}
