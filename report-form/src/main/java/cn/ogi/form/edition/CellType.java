package cn.ogi.form.edition;

import java.math.BigDecimal;
import java.util.Arrays;

/** What a cell may hold; the names in the definition files are {@link #jsonName()}. */
public enum CellType {
    /** A non-negative integer (a number of applications, documents, decisions). */
    COUNT("count"),
    /** An integer that may be negative: edition 2019 prints 本年增/减 as a signed change. */
    SIGNED_COUNT("signedCount"),
    /** A non-negative decimal (万元 or 元). */
    AMOUNT("amount");

    private final String jsonName;

    CellType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public boolean integral() {
        return this != AMOUNT;
    }

    /** True when the value has the right shape for this type; the sign is a rule (NON-NEGATIVE), not a type. */
    public boolean accepts(BigDecimal value) {
        return !integral() || value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    public static CellType fromJsonName(String name) {
        return Arrays.stream(values())
                .filter(t -> t.jsonName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown cell type '" + name + "'; known: count, signedCount, amount"));
    }
}
