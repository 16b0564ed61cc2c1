package cn.ogi.stats.feed;

/** Where events come from: reporting-service over HTTP in production, anything else in a test or a rebuild. */
@FunctionalInterface
public interface FeedSource {

    FeedPage page(long after, int limit);

    static FeedSource of(ChangeFeedClient client) {
        return client::changes;
    }
}
