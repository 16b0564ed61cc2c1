package cn.ogi.form.identity;

import java.util.Optional;

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character
 * alphabet without I, O, S, V, Z; the last is a check character over the first 17 (weighted sum mod 31).
 */
public final class CreditCode {

    public static final int LENGTH = 18;
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {}

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** Why the code is not valid, for a person to act on; empty if valid. */
    public static Optional<String> problem(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of("the code is empty; a 统一社会信用代码 has 18 characters");
        }
        if (code.length() != LENGTH) {
            return Optional.of("must be 18 characters, got " + code.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            if (ALPHABET.indexOf(c) < 0) {
                String hint = Character.isLowerCase(c)
                        ? " (letters must be upper case)"
                        : " (allowed: 0-9 and A-Y except I, O, S, V, Z)";
                String shown = Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
                return Optional.of("illegal character " + shown + " at position " + (i + 1) + hint);
            }
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        if (code.charAt(LENGTH - 1) != expected) {
            return Optional.of("check character expected " + expected + ", got " + code.charAt(LENGTH - 1)
                    + " (a character of the code is probably mistyped)");
        }
        return Optional.empty();
    }

    /** The check character for the first 17 characters, which must be from the alphabet. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("need the first 17 characters, got "
                    + (first17 == null ? "null" : first17.length() + " characters"));
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException(
                        "illegal character '" + first17.charAt(i) + "' at position " + (i + 1));
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
