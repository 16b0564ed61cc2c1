package cn.ogi.reporting.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
    ObjectMapper json;

    /** Call as the last statement of a write transaction: the lock is held until commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(ChangeType type, String key, Object payload) {
        em.flush();
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, FEED_LOCK)
                .getSingleResult();
        Object seq = em.createNativeQuery(
                        "INSERT INTO change_event (type, key, payload) VALUES (?1, ?2, CAST(?3 AS jsonb)) RETURNING seq")
                .setParameter(1, type.wireName())
                .setParameter(2, key)
                .setParameter(3, toJson(payload))
                .getSingleResult();
        return ((Number) seq).longValue();
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("change event payload not serialisable", e);
        }
    }
}
