package cn.ogi.stats.query;

import cn.ogi.stats.feed.FeedConsumer;
import cn.ogi.web.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** /freshness: the cursor, reporting-service's newest seq and the lag between them. */
@ApplicationScoped
public class FreshnessQueries {

    @Inject
    Sql db;

    @Inject
    FeedConsumer consumer;

    record Cursor(
            long lastSeq, long latestSeq, java.time.OffsetDateTime polledAt, java.time.OffsetDateTime updatedAt) {}

    public Freshness freshness(boolean live) {
        Cursor c = db.one(
                "SELECT last_seq, latest_seq, polled_at, updated_at FROM feed_cursor WHERE id = 1",
                rs -> new Cursor(
                        rs.getLong(1), rs.getLong(2), Sql.timestamp(rs, "polled_at"), Sql.timestamp(rs, "updated_at")));
        long latest = Math.max(c.latestSeq(), c.lastSeq());
        String source = "lastPage";
        String error = null;
        if (live) {
            try {
                latest = Math.max(consumer.latestSeqLive(c.lastSeq()), c.lastSeq());
                source = "live";
            } catch (RuntimeException e) {
                error = "reporting-service did not answer: " + e.getMessage();
            }
        }
        return new Freshness(
                c.lastSeq(),
                c.lastSeq(),
                latest,
                latest - c.lastSeq(),
                source,
                c.polledAt(),
                c.updatedAt(),
                consumer.enabled(),
                error);
    }
}
