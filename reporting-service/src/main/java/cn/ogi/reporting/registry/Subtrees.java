package cn.ogi.reporting.registry;

/** SQL for "the whole subtree of a jurisdiction": the node itself and every descendant. */
public final class Subtrees {

    /** A CTE named {@code subtree(code)} rooted at the named parameter {@code :root}. */
    public static final String WITH_SUBTREE = """
            WITH RECURSIVE subtree(code) AS (
                SELECT code FROM jurisdiction WHERE code = CAST(:root AS text)
                UNION ALL
                SELECT j.code FROM jurisdiction j JOIN subtree s ON j.parent = s.code
            )
            """;

    private Subtrees() {}
}
