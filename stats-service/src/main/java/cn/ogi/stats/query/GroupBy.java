package cn.ogi.stats.query;

import java.util.Arrays;
import java.util.Optional;

/** How the rows of a query are split. */
public enum GroupBy {
    CHILD("child"),
    /** Under each child of the node: its children and its own level, or its agencies when it has no children. */
    GRANDCHILD("grandchild"),
    AGENCY("agency"),
    YEAR("year"),
    APPLICANT_TYPE("applicantType");

    private final String wireName;

    GroupBy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<GroupBy> fromWireName(String name) {
        return Arrays.stream(values()).filter(g -> g.wireName.equals(name)).findFirst();
    }
}
