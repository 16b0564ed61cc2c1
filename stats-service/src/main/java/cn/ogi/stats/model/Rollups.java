package cn.ogi.stats.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Keeps {@code rollup} = for every node, the sum over the agencies of its subtree, by adding differences
 * to a node and all its ancestors (its "chain"). Every change of the read model goes through here.
 */
@ApplicationScoped
public class Rollups {

    /**
     * A CTE {@code chain(code)}: the node given as the first parameter and its ancestors. UNION (not UNION ALL)
     * stops on a cycle should the registry ever describe one. A node unknown to the registry is its own chain.
     */
    static final String CHAIN = """
            WITH RECURSIVE chain(code) AS (
                SELECT CAST(? AS text)
                UNION
                SELECT j.parent FROM chain c JOIN jurisdiction j ON j.code = c.code WHERE j.parent IS NOT NULL
            )
            """;

    private static final String ADD_UP =
            " ON CONFLICT (node, year, cell) DO UPDATE SET value = rollup.value + EXCLUDED.value";

    @Inject
    Db db;

    /** Adds a report's cell differences to its agency's node and every ancestor. */
    public void add(String node, int year, Map<String, BigDecimal> delta) {
        if (node == null || delta.isEmpty()) {
            return;
        }
        db.update(CHAIN + """
                INSERT INTO rollup (node, year, cell, value)
                SELECT c.code, ?, d.cell, d.delta
                FROM chain c CROSS JOIN unnest(CAST(? AS text[]), CAST(? AS numeric[])) AS d(cell, delta)""" + ADD_UP, node, year, Db.texts(delta.keySet()), Db.numerics(delta.values()));
    }

    /** An agency moved: all its reports leave the old node's chain and join the new one's. */
    public void moveAgency(String agencyCode, String fromNode, String toNode) {
        shiftAgency(agencyCode, fromNode, -1);
        shiftAgency(agencyCode, toNode, 1);
    }

    /** A node changed parent: its whole rollup (its subtree) leaves the old parent's chain and joins the new one's. */
    public void moveNode(String node, String fromParent, String toParent) {
        shiftNode(node, fromParent, -1);
        shiftNode(node, toParent, 1);
    }

    /** True if {@code candidate} is {@code node} or one of its ancestors. */
    public boolean inChain(String node, String candidate) {
        return db.one(CHAIN + "SELECT 1 FROM chain WHERE code = ?", rs -> 1, node, candidate) != null;
    }

    private void shiftAgency(String agencyCode, String node, int sign) {
        if (node == null) {
            return;
        }
        db.update(CHAIN + """
                INSERT INTO rollup (node, year, cell, value)
                SELECT c.code, rc.year, rc.cell, ? * rc.value
                FROM chain c CROSS JOIN report_cell rc WHERE rc.agency_code = ?""" + ADD_UP, node, sign, agencyCode);
    }

    private void shiftNode(String node, String parent, int sign) {
        if (parent == null) {
            return;
        }
        db.update(CHAIN + """
                INSERT INTO rollup (node, year, cell, value)
                SELECT c.code, r.year, r.cell, ? * r.value
                FROM chain c CROSS JOIN rollup r WHERE r.node = ?""" + ADD_UP, parent, sign, node);
    }
}
