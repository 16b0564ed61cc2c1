package cn.ogi.stats.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** reporting-service's change feed over HTTP, as the consumer follows it and a rebuild replays it. */
@ApplicationScoped
public class ReportingFeed {

    @Inject
    @RestClient
    ChangeFeedClient client;

    @Inject
    ObjectMapper json;

    /** Its pages, read from their bytes, the payloads kept as received (for the event log). */
    public FeedSource pages() {
        return FeedSource.of(client, json);
    }

    /** Its newest seq, asked live (freshness?live=true). */
    public long latestSeq(long after) {
        return client.changes(after, 1).latestSeq();
    }
}
