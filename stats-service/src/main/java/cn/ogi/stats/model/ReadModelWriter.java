package cn.ogi.stats.model;

import cn.ogi.stats.feed.FeedEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Applies change-feed events to the read model. Exactly once: one transaction locks the cursor row,
 * skips events at or below it, applies the rest in seq order, logs them and moves the cursor — all
 * committed together or not at all. A crash before commit leaves cursor and model as they were; a
 * page fetched twice (a retry, a second instance) finds the cursor past its events and changes nothing.
 */
@ApplicationScoped
public class ReadModelWriter {

    private static final Logger LOG = Logger.getLogger(ReadModelWriter.class);

    @Inject
    Db db;

    @Inject
    RegistryApplier registry;

    @Inject
    ReportApplier reports;

    @Inject
    ObjectMapper json;

    /** The last applied seq. */
    public long cursor() {
        return db.one("SELECT last_seq FROM feed_cursor WHERE id = 1", rs -> rs.getLong(1));
    }

    /** Applies events (any order, duplicates allowed) and moves the cursor; returns how many were new. */
    @Transactional
    public int apply(List<FeedEvent> events) {
        return apply(events, null);
    }

    /**
     * As {@link #apply(List)}, also recording reporting-service's newest seq from the page the events
     * came on (for freshness).
     */
    @Transactional
    public int apply(List<FeedEvent> events, Long latestSeq) {
        return applyLocked(events, latestSeq, true);
    }

    /**
     * For a rebuild: applies into whatever tables the transaction's {@code search_path} names (the shadow
     * schema), without writing the event log. The caller owns the transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int replay(List<FeedEvent> events) {
        return applyLocked(events, null, false);
    }

    private int applyLocked(List<FeedEvent> events, Long latestSeq, boolean log) {
        long cursor = db.one("SELECT last_seq FROM feed_cursor WHERE id = 1 FOR UPDATE", rs -> rs.getLong(1));
        int applied = 0;
        for (FeedEvent e :
                events.stream().sorted(Comparator.comparingLong(FeedEvent::seq)).toList()) {
            if (e.seq() <= cursor) {
                continue;
            }
            applyOne(e);
            if (log) {
                db.update(
                        "INSERT INTO feed_event (seq, type, key, recorded_at, payload) VALUES (?, ?, ?, ?, CAST(? AS jsonb))",
                        e.seq(),
                        e.type(),
                        e.key() == null ? "" : e.key(),
                        e.recordedAt(),
                        toJson(e));
            }
            cursor = e.seq();
            applied++;
        }
        long latest = latestSeq == null ? 0 : latestSeq;
        db.update("""
                UPDATE feed_cursor SET last_seq = ?, latest_seq = GREATEST(latest_seq, ?, ?),
                    polled_at = CASE WHEN ? THEN now() ELSE polled_at END,
                    updated_at = CASE WHEN ? THEN now() ELSE updated_at END
                WHERE id = 1""", cursor, cursor, latest, latestSeq != null, applied > 0);
        return applied;
    }

    private void applyOne(FeedEvent e) {
        switch (e.type() == null ? "" : e.type()) {
            case FeedEvent.JURISDICTION_UPSERTED -> registry.jurisdiction(e.seq(), e.payload());
            case FeedEvent.AGENCY_UPSERTED -> registry.agency(e.seq(), e.payload());
            case FeedEvent.REPORT_VERSION_CREATED -> reports.version(e);
            case FeedEvent.REPORT_APPROVED -> reports.approval(e, true);
            case FeedEvent.REPORT_REOPENED -> reports.approval(e, false);
            // A type added to the feed later is skipped (and logged), never a reason to stop consuming.
            default -> LOG.infof("event %d: type %s is not used by stats, skipped", e.seq(), e.type());
        }
    }

    private String toJson(FeedEvent e) {
        try {
            return json.writeValueAsString(e.payload());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
