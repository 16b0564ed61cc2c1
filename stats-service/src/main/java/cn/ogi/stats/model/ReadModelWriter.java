package cn.ogi.stats.model;

import cn.ogi.feed.ChangeEvent;
import cn.ogi.stats.memory.LiveModel;
import cn.ogi.stats.memory.MemoryModel;
import cn.ogi.stats.memory.ModelRows.PageEffect;
import cn.ogi.stats.metrics.StatsMetrics;
import cn.ogi.web.sql.Sql;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies change-feed events to the read model, a page at a time. Exactly once: one transaction locks the
 * cursor row, skips events at or below it, applies the rest in seq order (see {@link PageWork}: the rollup
 * differences of the whole page summed per cell, each table written in one statement), logs them and moves the
 * cursor — all committed together or not at all. Only then is the effect applied to the model in memory. A crash
 * before commit leaves cursor and tables as they were (and memory too); a page fetched twice (a retry, a second
 * instance) finds the cursor past its events and changes nothing.
 */
@ApplicationScoped
public class ReadModelWriter {

    @Inject
    Sql db;

    @Inject
    ReadModelTables tables;

    @Inject
    LiveModel live;

    @Inject
    StatsMetrics metrics;

    /** Reads each event's payload into its feed-contract record. */
    @Inject
    ObjectMapper json;

    private record Applied(int count, long fromSeq, PageEffect effect) {}

    private record Cursor(long seq, int generation) {}

    /** The last applied seq. */
    public long cursor() {
        return db.one("SELECT last_seq FROM feed_cursor WHERE id = 1", rs -> rs.getLong(1));
    }

    /** Applies events (any order, duplicates allowed) and moves the cursor; returns how many were new. */
    public int apply(List<ChangeEvent> events) {
        return apply(events, null);
    }

    /**
     * As {@link #apply(List)}, also recording reporting-service's newest seq from the page the events
     * came on (for freshness).
     */
    public int apply(List<ChangeEvent> events, Long latestSeq) {
        Applied applied = QuarkusTransaction.requiringNew().call(() -> {
            Cursor cursor = lockCursor();
            MemoryModel model = live.forWriting(cursor.seq(), cursor.generation());
            return applyLocked(model, cursor.seq(), events, latestSeq, true);
        });
        if (applied.effect() != null) {
            live.publish(applied.fromSeq(), applied.effect());
        }
        metrics.applied(applied.count());
        return applied.count();
    }

    /**
     * For a rebuild: applies into whatever tables the transaction's {@code search_path} names (the shadow
     * schema) and into the given model of them, without writing the event log. The caller owns the transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int replay(MemoryModel shadow, List<ChangeEvent> events) {
        Cursor cursor = lockCursor();
        Applied applied = applyLocked(shadow, cursor.seq(), events, null, false);
        if (applied.effect() != null) {
            shadow.apply(applied.effect());
        }
        return applied.count();
    }

    private Cursor lockCursor() {
        return db.one(
                "SELECT last_seq, generation FROM feed_cursor WHERE id = 1 FOR UPDATE",
                rs -> new Cursor(rs.getLong(1), rs.getInt(2)));
    }

    private Applied applyLocked(MemoryModel model, long cursor, List<ChangeEvent> events, Long latestSeq, boolean log) {
        Set<Long> seen = new HashSet<>();
        List<ChangeEvent> fresh = events.stream()
                .filter(e -> e.seq() > cursor)
                .sorted(Comparator.comparingLong(ChangeEvent::seq))
                .filter(e -> seen.add(e.seq())) // a seq delivered twice in one page is applied once
                .toList();
        PageEffect effect = null;
        long last = cursor;
        if (!fresh.isEmpty()) {
            PageWork page = new PageWork(model, tables, model.rules(), json);
            page.prefetch(fresh);
            fresh.forEach(page::apply);
            last = fresh.get(fresh.size() - 1).seq();
            effect = page.write(last);
            if (log) {
                tables.log(fresh);
            }
        }
        long latest = latestSeq == null ? 0 : latestSeq;
        db.update("""
                UPDATE feed_cursor SET last_seq = ?, latest_seq = GREATEST(latest_seq, ?, ?),
                    polled_at = CASE WHEN ? THEN now() ELSE polled_at END,
                    updated_at = CASE WHEN ? THEN now() ELSE updated_at END
                WHERE id = 1""", last, last, latest, latestSeq != null, effect != null);
        return new Applied(fresh.size(), cursor, effect);
    }
}
