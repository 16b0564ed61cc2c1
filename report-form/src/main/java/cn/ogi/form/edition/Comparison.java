package cn.ogi.form.edition;

import java.math.BigDecimal;
import java.util.Arrays;

/** The operator between the two sides of a rule. */
public enum Comparison {
    EQUAL("="),
    AT_LEAST(">="),
    AT_MOST("<=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(BigDecimal left, BigDecimal right) {
        int c = left.compareTo(right);
        return switch (this) {
            case EQUAL -> c == 0;
            case AT_LEAST -> c >= 0;
            case AT_MOST -> c <= 0;
        };
    }

    public static Comparison fromSymbol(String symbol) {
        return Arrays.stream(values())
                .filter(c -> c.symbol.equals(symbol))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown operator '" + symbol + "'; known: =, >=, <="));
    }
}
