package cn.ogi.form.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Level of an administrative division in GB/T 2260, from the top: province, city, county (a jurisdiction's
 * {@code level} on the wire and in the registry: {@code province}, {@code city}, {@code county}).
 */
public enum DivisionLevel {
    PROVINCE,
    CITY,
    COUNTY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level a wire value names; empty for null or an unknown value. */
    public static Optional<DivisionLevel> fromWire(String value) {
        return Arrays.stream(values()).filter(l -> l.wireName().equals(value)).findFirst();
    }

    /** The wire values, top first: {@code [province, city, county]}. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(DivisionLevel::wireName).toList();
    }

    /** True when this level is above the other (a province above a city and a county). */
    public boolean isAbove(DivisionLevel other) {
        return compareTo(other) < 0;
    }
}
