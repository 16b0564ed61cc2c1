package cn.ogi.form.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of agency the registry knows: a people's government (人民政府, its report due by 31 March) or one of
 * its departments (部门, due by 31 January). On the wire, in the registry's tables and the feed:
 * {@code government}, {@code department}; read at the edge with {@link #fromWire}, compared as constants inside.
 */
public enum AgencyKind {
    GOVERNMENT("government"),
    DEPARTMENT("department");

    private final String wireName;

    AgencyKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The kind a wire value names; empty for null or an unknown value (which the caller reports). */
    public static Optional<AgencyKind> fromWire(String value) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(value)).findFirst();
    }

    /** The wire values, in order: {@code [government, department]}. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(AgencyKind::wireName).toList();
    }
}
