package cn.ogi.form.identity;

import java.util.Optional;
import java.util.Set;

/**
 * A 6-digit administrative division code (GB/T 2260): 2 digits province, 2 city, 2 county;
 * {@code 370000} 山东省, {@code 371500} 聊城市, {@code 371502} 东昌府区.
 */
public record DivisionCode(String code) {

    /** Province-level prefixes in use (31 provinces, Taiwan 71, Hong Kong 81, Macao 82). */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

    public DivisionCode {
        problem(code).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    public static DivisionCode parse(String code) {
        return new DivisionCode(code);
    }

    /** Why the code is not a division code; empty if it is. */
    public static Optional<String> problem(String code) {
        if (code == null || code.length() != 6 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String shown = code == null || code.length() <= 20 ? code : code.substring(0, 20) + "…";
            return Optional.of("a division code is 6 digits, got '" + shown + "'");
        }
        if (!PROVINCES.contains(code.substring(0, 2))) {
            return Optional.of("'" + code + "' does not start with a province code (11–15, 21–23, 31–37, "
                    + "41–46, 50–54, 61–65, 71, 81, 82)");
        }
        return Optional.empty();
    }

    public DivisionLevel level() {
        if (code.endsWith("0000")) {
            return DivisionLevel.PROVINCE;
        }
        return code.endsWith("00") ? DivisionLevel.CITY : DivisionLevel.COUNTY;
    }

    /** The parent the code implies: county → its city (xxxx00), city → its province (xx0000). */
    public Optional<DivisionCode> impliedParent() {
        return switch (level()) {
            case PROVINCE -> Optional.empty();
            case CITY -> Optional.of(new DivisionCode(code.substring(0, 2) + "0000"));
            case COUNTY -> Optional.of(new DivisionCode(code.substring(0, 4) + "00"));
        };
    }

    /** True if this is the ancestor itself or lies inside it. */
    public boolean isWithin(DivisionCode ancestor) {
        return switch (ancestor.level()) {
            case PROVINCE -> code.startsWith(ancestor.code.substring(0, 2));
            case CITY -> code.startsWith(ancestor.code.substring(0, 4));
            case COUNTY -> code.equals(ancestor.code);
        };
    }

    @Override
    public String toString() {
        return code;
    }
}
