package cn.ogi.reporting.feed;

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

    /** Events per multi-row insert: three parameters each, well below PostgreSQL's 65,535 per statement. */
    private static final int ROWS_PER_INSERT = 500;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** An event still to be appended: its type, key and payload. */
    public record Event(ChangeType type, String key, Object payload) {}

    /** Call as the last statement of a write transaction: the lock is held until commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(ChangeType type, String key, Object payload) {
        lock();
        Object seq = em.createNativeQuery(
                        "INSERT INTO change_event (type, key, payload) VALUES (?1, ?2, CAST(?3 AS jsonb)) RETURNING seq")
                .setParameter(1, type.wireName())
                .setParameter(2, key)
                .setParameter(3, toJson(payload))
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
            StringBuilder sql = new StringBuilder("INSERT INTO change_event (type, key, payload) VALUES ");
            for (int i = 0; i < rows.size(); i++) {
                sql.append(i == 0 ? "" : ", ")
                        .append("(?")
                        .append(3 * i + 1)
                        .append(", ?")
                        .append(3 * i + 2)
                        .append(", CAST(?")
                        .append(3 * i + 3)
                        .append(" AS jsonb))");
            }
            Query insert = em.createNativeQuery(sql.toString());
            for (int i = 0; i < rows.size(); i++) {
                Event event = rows.get(i);
                insert.setParameter(3 * i + 1, event.type().wireName())
                        .setParameter(3 * i + 2, event.key())
                        .setParameter(3 * i + 3, toJson(event.payload()));
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

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("change event payload not serialisable", e);
        }
    }
}
