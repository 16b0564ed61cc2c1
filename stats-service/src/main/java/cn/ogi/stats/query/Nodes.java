package cn.ogi.stats.query;

import cn.ogi.stats.memory.LiveModel;
import cn.ogi.stats.memory.MemoryModel;
import cn.ogi.stats.memory.ModelNode;
import cn.ogi.web.ProblemException;
import cn.ogi.web.sql.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Jurisdiction nodes of the read model, and the two ways a query reads: from memory, or from the tables. */
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
    Sql db;

    @Inject
    LiveModel live;

    /** The feed position the model in memory answers at; no database round trip. */
    public AsOf position() {
        return live.position();
    }

    /** The named node, or the province root (the node without parent) when none is named. */
    public static Node resolve(MemoryModel model, String code) {
        if (code == null) {
            ModelNode root = model.root();
            if (root == null) {
                throw ProblemException.notFound(
                        "no-jurisdictions",
                        "The read model has no jurisdiction yet (nothing consumed from the change feed)");
            }
            return new Node(root.code(), root.name());
        }
        ModelNode node = model.node(code);
        if (node == null) {
            throw ProblemException.notFound(
                    "unknown-jurisdiction", "Parameter 'jurisdiction': no jurisdiction " + code);
        }
        return new Node(node.code(), node.name());
    }

    /** The code of the node a query answers for (the root when none is named), from memory. */
    public String resolveCode(String code) {
        return live.read(m -> resolve(m, code).code());
    }

    public static List<Node> children(MemoryModel model, String code) {
        return model.children(code).stream()
                .map(n -> new Node(n.code(), n.name()))
                .toList();
    }

    /** The label of the row that holds a node's own agencies when rows are its children. */
    public static String ownLevel(Node node) {
        return node.name() + "（本级）";
    }

    /**
     * A query that needs rows the model does not hold (per agency, from the tables) and the rest from memory at
     * the same seq: the tables are read in one REPEATABLE READ snapshot, then combined with the model if it stands
     * at that snapshot's seq — else both are read again (the consumer committed in between; its effect reaches
     * memory a moment after the commit). After a few tries the model is reloaded from the tables.
     */
    public <T, R> R consistently(Supplier<T> fromTables, Function<T, Long> seqOf, Combine<T, R> combine) {
        for (int attempt = 0; ; attempt++) {
            T read = QuarkusTransaction.requiringNew().call(() -> {
                db.update("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                return fromTables.get();
            });
            long seq = seqOf.apply(read);
            R result = live.read(m -> m.seq() == seq ? combine.apply(read, m) : null);
            if (result != null) {
                return result;
            }
            if (attempt == 20) {
                live.reload();
            } else if (attempt > 40) {
                throw ProblemException.of(
                                503,
                                "read-model-moving",
                                "Service Unavailable",
                                "The read model kept changing while this answer was read; try again")
                        .with("retryAfter", 1);
            }
            try {
                Thread.sleep(Math.min(50, 2L << Math.min(attempt, 5)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Combines what was read from the tables with the model at the same seq. */
    @FunctionalInterface
    public interface Combine<T, R> {
        R apply(T fromTables, MemoryModel model);
    }

    /** The cursor as the current transaction sees it. */
    public long tableSeq() {
        return db.one("SELECT last_seq FROM feed_cursor WHERE id = 1", rs -> rs.getLong(1));
    }
}
