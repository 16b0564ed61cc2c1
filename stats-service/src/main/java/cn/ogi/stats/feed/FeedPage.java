package cn.ogi.stats.feed;

import java.util.List;

/** A page of the feed: events after {@code after}; resume with {@code lastSeq}; {@code latestSeq} is the newest committed. */
public record FeedPage(long after, List<FeedEvent> events, long lastSeq, long latestSeq) {

    public FeedPage {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
