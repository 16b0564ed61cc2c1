package cn.ogi.reporting.feed;

import cn.ogi.feed.ChangeType;
import cn.ogi.web.sql.Sql;
import cn.ogi.web.tracing.Traceparents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
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

    @Inject
    EntityManager em;

    @Inject
    Sql sql;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** The transaction's resource that says it holds the feed's lock (held until it ends). */
    private static final Object LOCK_HELD = new Object();

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
        return sql.statement("""
                        INSERT INTO change_event (type, key, payload, traceparent)
                        VALUES (:type, :key, CAST(:payload AS jsonb), CAST(:traceparent AS text)) RETURNING seq""")
                .bind("type", event.type().wireName())
                .bind("key", event.key())
                .bind("payload", toJson(event.payload()))
                .bind("traceparent", event.traceparent())
                .first(rs -> rs.getLong(1))
                .orElseThrow();
    }

    /**
     * The events of a whole write (a batch of deliveries) under one lock, in their order, as one multi-row insert
     * ({@code unnest} of arrays, as intake's submissions): the lock is taken once and held only for this statement
     * and the commit. Call as the last statement too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        lock();
        // rows inserted in the ORDER BY's order take their seq in that order
        sql.statement("""
                        INSERT INTO change_event (type, key, payload, traceparent)
                        SELECT e.type, e.key, CAST(e.payload AS jsonb), e.traceparent
                        FROM unnest(CAST(:types AS text[]), CAST(:keys AS text[]), CAST(:payloads AS text[]),
                                CAST(:traceparents AS text[]))
                            WITH ORDINALITY AS e (type, key, payload, traceparent, ord)
                        ORDER BY e.ord""")
                .bind("types", events.stream().map(e -> e.type().wireName()).toArray(String[]::new))
                .bind("keys", events.stream().map(Event::key).toArray(String[]::new))
                .bind("payloads", events.stream().map(e -> toJson(e.payload())).toArray(String[]::new))
                .bind("traceparents", events.stream().map(Event::traceparent).toArray(String[]::new))
                .update();
    }

    /**
     * Flushes what the transaction wrote so far through the entities, then takes the feed's lock until commit — once
     * per transaction: a transaction that appends many events (a registry import of thousands of agencies) flushed
     * every entity it had loaded again before each of them, quadratic in its size, for a lock it already held.
     */
    private void lock() {
        if (transaction.getResource(LOCK_HELD) != null) {
            return;
        }
        em.flush();
        sql.statement("SELECT pg_advisory_xact_lock(:lock)")
                .bind("lock", FEED_LOCK)
                .each(0, rs -> {});
        transaction.putResource(LOCK_HELD, true);
    }

    private String toJson(Record payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("change event payload not serialisable", e);
        }
    }
}
