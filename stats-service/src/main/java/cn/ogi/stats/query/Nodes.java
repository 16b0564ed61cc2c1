package cn.ogi.stats.query;

import cn.ogi.stats.model.Db;
import cn.ogi.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Jurisdiction nodes of the read model, and the snapshot every query reads in. */
@ApplicationScoped
public class Nodes {

    public record Node(String code, String name) {}

    /** Rows {@code subtree(code, branch)}: the node and its descendants; branch = the child of the node they are under. */
    public static final String SUBTREE = """
            WITH RECURSIVE subtree(code, branch) AS (
                SELECT code, code FROM jurisdiction WHERE code = ?
                UNION ALL
                SELECT j.code, CASE WHEN s.code = ? THEN j.code ELSE s.branch END
                FROM jurisdiction j JOIN subtree s ON j.parent = s.code
            )
            """;

    @Inject
    Db db;

    /**
     * Starts the query's snapshot: every later read of the transaction sees the same committed state,
     * so rows, total and asOfSeq agree although the consumer keeps applying. Call first in a transaction.
     */
    public AsOf snapshot() {
        db.update("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        return position();
    }

    /** The feed position now (one row); outside a snapshot, enough to revalidate an answer. */
    public AsOf position() {
        return db.one(
                "SELECT last_seq, generation FROM feed_cursor WHERE id = 1",
                rs -> new AsOf(rs.getLong(1), rs.getInt(2)));
    }

    /** The named node, or the province root (the node without parent) when none is named. */
    public Node resolve(String code) {
        if (code == null) {
            Node root = db.one(
                    "SELECT code, name FROM jurisdiction WHERE parent IS NULL ORDER BY (level = 'province') IS TRUE DESC, code LIMIT 1",
                    rs -> new Node(rs.getString(1), rs.getString(2)));
            if (root == null) {
                throw ProblemException.notFound(
                        "no-jurisdictions",
                        "The read model has no jurisdiction yet (nothing consumed from the change feed)");
            }
            return root;
        }
        Node node = db.one(
                "SELECT code, name FROM jurisdiction WHERE code = ?",
                rs -> new Node(rs.getString(1), rs.getString(2)),
                code);
        if (node == null) {
            throw ProblemException.notFound(
                    "unknown-jurisdiction", "Parameter 'jurisdiction': no jurisdiction " + code);
        }
        return node;
    }

    public List<Node> children(String code) {
        return db.query(
                "SELECT code, name FROM jurisdiction WHERE parent = ? ORDER BY code",
                rs -> new Node(rs.getString(1), rs.getString(2)),
                code);
    }

    /** The label of the row that holds a node's own agencies when rows are its children. */
    public static String ownLevel(Node node) {
        return node.name() + "（本级）";
    }
}
