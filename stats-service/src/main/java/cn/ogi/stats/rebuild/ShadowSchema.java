package cn.ogi.stats.rebuild;

import static cn.ogi.stats.rebuild.RebuildService.SHADOW;
import static cn.ogi.stats.rebuild.RebuildService.TABLES;

import cn.ogi.feed.ChangeEvent;
import cn.ogi.feed.ChangePage;
import cn.ogi.stats.feed.FeedSource;
import cn.ogi.web.sql.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rebuild's SQL: the shadow schema made beside the live one, compared with it table by table, copied over it,
 * dropped; and the live consumer's event log read back as a feed.
 */
@ApplicationScoped
class ShadowSchema {

    @Inject
    Sql db;

    @Inject
    ObjectMapper json;

    /** Fresh, empty shadow tables shaped like the live ones; returns the live schema's name. */
    String prepare() {
        String live = db.one("SELECT current_schema()", rs -> rs.getString(1));
        db.update("DROP SCHEMA IF EXISTS " + SHADOW + " CASCADE");
        db.update("CREATE SCHEMA " + SHADOW);
        for (String table : TABLES) {
            db.update("CREATE TABLE " + SHADOW + "." + table + " (LIKE " + live + "." + table + " INCLUDING ALL)");
        }
        db.update("CREATE TABLE " + SHADOW + ".feed_cursor (LIKE " + live + ".feed_cursor INCLUDING ALL)");
        db.update("INSERT INTO " + SHADOW + ".feed_cursor (id, last_seq) VALUES (1, 0)");
        return live;
    }

    /** Locks the live cursor until the transaction ends (the consumer waits); its seq. */
    long lockCursor(String live) {
        return db.one("SELECT last_seq FROM " + live + ".feed_cursor WHERE id = 1 FOR UPDATE", rs -> rs.getLong(1));
    }

    /** Replaces the live tables' rows by the shadow's and says so to the model's readers (a new generation). */
    void copyInto(String live) {
        for (String table : TABLES) {
            db.update("DELETE FROM " + live + "." + table);
            db.update("INSERT INTO " + live + "." + table + " SELECT * FROM " + SHADOW + "." + table);
        }
        db.update("UPDATE " + live + ".feed_cursor SET generation = generation + 1 WHERE id = 1");
    }

    void drop() {
        db.update("DROP SCHEMA " + SHADOW + " CASCADE");
    }

    /** Points the transaction's statements at a schema's tables. */
    void searchPath(String schema) {
        db.update("SET LOCAL search_path TO " + schema);
    }

    /** Rows that differ between the live and the shadow tables, per table. */
    Map<String, Long> compare(String live) {
        Map<String, Long> differences = new LinkedHashMap<>();
        for (String table : TABLES) {
            if (table.equals("rollup")) {
                differences.put(
                        table, db.one("SELECT count(*) FROM (" + rollupDifferences(live) + ") d", rs -> rs.getLong(1)));
            } else {
                String l = live + "." + table;
                String s = SHADOW + "." + table;
                differences.put(
                        table,
                        db.one(
                                "SELECT count(*) FROM ((SELECT * FROM " + l + " EXCEPT ALL SELECT * FROM " + s
                                        + ") UNION ALL (SELECT * FROM " + s + " EXCEPT ALL SELECT * FROM " + l + ")) d",
                                rs -> rs.getLong(1)));
            }
        }
        return differences;
    }

    /** Rollup cells whose sums differ; a cell absent on one side counts as 0 there. */
    private static String rollupDifferences(String live) {
        return "SELECT coalesce(l.node, s.node) AS node, coalesce(l.year, s.year) AS year, coalesce(l.cell, s.cell) AS cell,"
                + " l.value AS live, s.value AS rebuilt FROM " + live + ".rollup l FULL OUTER JOIN " + SHADOW
                + ".rollup s"
                + " ON l.node = s.node AND l.year = s.year AND l.cell = s.cell"
                + " WHERE coalesce(l.value, 0) <> coalesce(s.value, 0)";
    }

    List<RebuildResult.RollupDifference> rollupSample(String live) {
        return db.query(
                rollupDifferences(live) + " ORDER BY 1, 2, 3 LIMIT 50",
                rs -> new RebuildResult.RollupDifference(
                        rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5)));
    }

    /** The events the live consumer applied, from its log. */
    FeedSource log(String live) {
        return (after, limit) -> {
            List<ChangeEvent> events = db.query(
                    "SELECT seq, type, key, recorded_at, CAST(payload AS text) FROM " + live
                            + ".feed_event WHERE seq > ? ORDER BY seq LIMIT ?",
                    rs -> new ChangeEvent(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            Sql.timestamp(rs, "recorded_at"),
                            parse(rs.getString(5))),
                    after,
                    limit);
            long last = events.isEmpty() ? after : events.get(events.size() - 1).seq();
            return new ChangePage(after, events, last, last);
        };
    }

    private com.fasterxml.jackson.databind.JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
