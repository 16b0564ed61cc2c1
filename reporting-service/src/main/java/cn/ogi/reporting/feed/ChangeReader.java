package cn.ogi.reporting.feed;

import cn.ogi.feed.ChangeEvent;
import cn.ogi.feed.ChangePage;
import cn.ogi.web.sql.Sql;
import cn.ogi.web.sql.SqlStatement;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Pages through the change feed in seq order. */
@ApplicationScoped
public class ChangeReader {

    public static final int MAX_LIMIT = 1000;

    @Inject
    Sql sql;

    @Inject
    ObjectMapper json;

    /**
     * Events after {@code after}, optionally only of some types. {@code lastSeq} is where the consumer
     * resumes: the last event returned, or, when the page is not full, the newest seq scanned, so
     * that a filtered consumer does not rescan events it skipped. That is safe because events are
     * numbered in commit order: every seq up to the newest visible one is already visible.
     */
    public ChangePage after(long after, int limit, List<String> types) {
        long latest = sql.one("SELECT coalesce(max(seq), 0) FROM change_event", rs -> rs.getLong(1));
        boolean filtered = types != null && !types.isEmpty();
        SqlStatement query = sql.statement(
                        "SELECT seq, type, key, recorded_at, CAST(payload AS text), traceparent FROM change_event"
                                + " WHERE seq > :after AND seq <= :latest"
                                + (filtered ? " AND type = ANY(CAST(:types AS text[]))" : "")
                                + " ORDER BY seq LIMIT :limit")
                .bind("after", after)
                .bind("latest", latest)
                .bind("limit", limit);
        if (filtered) {
            query.bind("types", Sql.texts(types));
        }
        List<ChangeEvent> events = query.list(this::toEvent);
        long last = events.size() < limit
                ? Math.max(latest, after)
                : events.get(events.size() - 1).seq();
        return new ChangePage(after, events, last, Math.max(latest, after));
    }

    /**
     * The stored payload goes out as the text PostgreSQL gives, unparsed (a raw value): the feed serves it and
     * nothing here reads it, and parsing a report's content into a tree only to write it out again was a twentieth
     * of this service's work while stats followed a province's load.
     */
    private ChangeEvent toEvent(ResultSet rs) throws SQLException {
        String payload = rs.getString(5);
        return new ChangeEvent(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                Sql.timestamp(rs, 4),
                payload == null ? NullNode.getInstance() : json.getNodeFactory().rawValueNode(new RawValue(payload)),
                rs.getString(6));
    }
}
