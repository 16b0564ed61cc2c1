package cn.ogi.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A page of the feed: events with seq greater than {@code after}, in order. A consumer stores {@code lastSeq} and
 * asks again with it; {@code latestSeq} is the newest seq committed so far.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangePage(long after, List<ChangeEvent> events, long lastSeq, long latestSeq) {

    public ChangePage {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
