package cn.ogi.reporting.feed;

import cn.ogi.feed.ChangeType;
import cn.ogi.web.tracing.Traceparents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Appends events to the change feed inside the caller's transaction. Each append first takes a
 * transaction-scoped advisory lock, so that events are numbered in commit order: a reader paging
 * by seq can never see seq n+1 committed while seq n is still to come.
 */
@ApplicationScoped
public class ChangeFeed {

    /** Advisory lock key of the feed ("FEED" in ASCII); any constant unique in this database. */
    private static final long FEED_LOCK = 0x46454544L;

    /** Events per multi-row insert: four parameters each, well below PostgreSQL's 65,535 per statement. */
    private static final int ROWS_PER_INSERT = 500;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * An event still to be appended: its type, key and payload — the contract's record of that type
     * ({@link ChangeType#payload()}, feed-contract) — and the traceparent of the span that made it (null with tracing
     * off), which stats-service's apply span continues.
     */
    public record Event(ChangeType type, String key, Record payload, String traceparent) {

        public Event {
            if (!type.payload().isInstance(payload)) {
                throw new IllegalArgumentException("a " + type.wireName() + " event carries a "
                        + type.payload().getSimpleName() + ", not " + payload);
            }
        }

        /** An event of the current span's trace (the request's, or a batch item's span). */
        public Event(ChangeType type, String key, Record payload) {
            this(type, key, payload, Traceparents.current());
        }
    }

    /** Call as the last statement of a write transaction: the lock is held until commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(ChangeType type, String key, Record payload) {
        return append(new Event(type, key, payload));
    }

    /** As {@link #append(ChangeType, String, Record)}, the event with the traceparent it was made with. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(Event event) {
        lock();
        Object seq = em.createNativeQuery("INSERT INTO change_event (type, key, payload, traceparent)"
                        + " VALUES (?1, ?2, CAST(?3 AS jsonb), CAST(?4 AS text)) RETURNING seq")
                .setParameter(1, event.type().wireName())
                .setParameter(2, event.key())
                .setParameter(3, toJson(event.payload()))
                .setParameter(4, event.traceparent())
                .getSingleResult();
        return ((Number) seq).longValue();
    }

    /**
     * The events of a whole write (a batch of deliveries) under one lock, in their order, as multi-row inserts: the
     * lock is taken once and held only for these statements and the commit. Call as the last statement too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        lock();
        for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
            List<Event> rows = events.subList(from, Math.min(events.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder("INSERT INTO change_event (type, key, payload, traceparent) VALUES ");
            for (int i = 0; i < rows.size(); i++) {
                sql.append(i == 0 ? "" : ", ")
                        .append("(?")
                        .append(4 * i + 1)
                        .append(", ?")
                        .append(4 * i + 2)
                        .append(", CAST(?")
                        .append(4 * i + 3)
                        .append(" AS jsonb), CAST(?")
                        .append(4 * i + 4)
                        .append(" AS text))");
            }
            Query insert = em.createNativeQuery(sql.toString());
            for (int i = 0; i < rows.size(); i++) {
                Event event = rows.get(i);
                insert.setParameter(4 * i + 1, event.type().wireName())
                        .setParameter(4 * i + 2, event.key())
                        .setParameter(4 * i + 3, toJson(event.payload()))
                        .setParameter(4 * i + 4, event.traceparent());
            }
            // rows of one VALUES list take their seq in the list's order
            insert.executeUpdate();
        }
    }

    /** Flushes what the transaction wrote so far, then takes the feed's lock until commit. */
    private void lock() {
        em.flush();
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, FEED_LOCK)
                .getSingleResult();
    }

    private String toJson(Record payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("change event payload not serialisable", e);
        }
    }
}
