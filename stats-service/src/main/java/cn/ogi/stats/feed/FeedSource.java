package cn.ogi.stats.feed;

import cn.ogi.feed.ChangePage;
import cn.ogi.feed.ChangePages;

/** Where events come from: reporting-service over HTTP in production, anything else in a test or a rebuild. */
@FunctionalInterface
public interface FeedSource {

    ChangePage page(long after, int limit);

    static FeedSource of(ChangeFeedClient client) {
        return client::changes;
    }

    /** reporting-service's pages read from their bytes, the payloads kept as received (for the event log). */
    static FeedSource of(ChangeFeedClient client, com.fasterxml.jackson.databind.ObjectMapper json) {
        return (after, limit) -> ChangePages.read(json, client.changesAsBytes(after, limit));
    }
}
