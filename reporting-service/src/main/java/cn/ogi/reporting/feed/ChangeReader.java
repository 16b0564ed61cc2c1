package cn.ogi.reporting.feed;

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

    public ChangePage after(long after, int limit) {
        List<?> rows = em.createNativeQuery("""
                        SELECT seq, type, key, recorded_at, CAST(payload AS text) FROM change_event
                        WHERE seq > ?1 ORDER BY seq LIMIT ?2""")
                .setParameter(1, after).setParameter(2, limit).getResultList();
        List<ChangeEventView> events = rows.stream().map(row -> toView((Object[]) row)).toList();
        long latest = ((Number) em.createNativeQuery("SELECT coalesce(max(seq), 0) FROM change_event")
                .getSingleResult()).longValue();
        long last = events.isEmpty() ? after : events.get(events.size() - 1).seq();
        return new ChangePage(after, events, last, Math.max(latest, last));
    }

    private ChangeEventView toView(Object[] row) {
        try {
            return new ChangeEventView(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                    SqlValues.timestamp(row[3]), json.readTree((String) row[4]));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored change event payload is not JSON", e);
        }
    }

}
