package cn.ogi.reporting.feed;

import cn.ogi.feed.ChangeEvent;
import cn.ogi.feed.ChangePage;
import cn.ogi.web.SqlValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.UncheckedIOException;
import java.util.List;

/** Pages through the change feed in seq order. */
@ApplicationScoped
public class ChangeReader {

    public static final int MAX_LIMIT = 1000;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * Events after {@code after}, optionally only of some types. {@code lastSeq} is where the consumer
     * resumes: the last event returned, or, when the page is not full, the newest seq scanned, so
     * that a filtered consumer does not rescan events it skipped. That is safe because events are
     * numbered in commit order: every seq up to the newest visible one is already visible.
     */
    public ChangePage after(long after, int limit, List<String> types) {
        long latest = ((Number) em.createNativeQuery("SELECT coalesce(max(seq), 0) FROM change_event")
                        .getSingleResult())
                .longValue();
        boolean filtered = types != null && !types.isEmpty();
        var query = em.createNativeQuery(
                        "SELECT seq, type, key, recorded_at, CAST(payload AS text), traceparent FROM change_event"
                                + " WHERE seq > ?1 AND seq <= ?2"
                                + (filtered ? " AND type = ANY(CAST(?4 AS text[]))" : "")
                                + " ORDER BY seq LIMIT ?3")
                .setParameter(1, after)
                .setParameter(2, latest)
                .setParameter(3, limit);
        if (filtered) {
            query.setParameter(4, "{" + String.join(",", types) + "}");
        }
        List<ChangeEvent> events = ((List<?>) query.getResultList())
                .stream().map(row -> toEvent((Object[]) row)).toList();
        long last = events.size() < limit
                ? Math.max(latest, after)
                : events.get(events.size() - 1).seq();
        return new ChangePage(after, events, last, Math.max(latest, after));
    }

    private ChangeEvent toEvent(Object[] row) {
        try {
            return new ChangeEvent(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    (String) row[2],
                    SqlValues.timestamp(row[3]),
                    json.readTree((String) row[4]),
                    (String) row[5]);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored change event payload is not JSON", e);
        }
    }
}
