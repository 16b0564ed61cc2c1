package cn.ogi.stats.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How stats follows reporting-service's change feed ({@code stats.feed.*}; every key is also an environment
 * variable, {@code stats.feed.poll-interval} → {@code STATS_FEED_POLL_INTERVAL}).
 */
@ConfigMapping(prefix = "stats.feed")
public interface FeedSettings {

    /** Whether the feed is consumed at all; false: nothing is (tests feed events through ReadModelWriter.apply). */
    @WithDefault("true")
    boolean enabled();

    /** Events asked of reporting-service per page (1..1000); each page is applied in one transaction. */
    @WithDefault("500")
    int pageSize();

    /**
     * Pages one poll applies at most. A poll that stopped here on a full page is followed by the next at once, so
     * catching up (a new instance, a rebuild from the feed) never waits the poll interval; the loop checks between
     * polls whether it is being stopped.
     */
    @WithDefault("100")
    int maxPagesPerPoll();

    /** The wait after a tick ended before the next one starts (a duration). */
    @WithDefault("0.5s")
    Duration pollInterval();

    /** The wait after the start before the first tick (a duration). */
    @WithDefault("1s")
    Duration initialDelay();
}
