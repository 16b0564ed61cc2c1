package cn.ogi.stats.metrics;

import cn.ogi.web.metrics.CachedQuery;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * stats-service's domain metrics (Prometheus names in brackets): the change feed's cursor — the last seq applied
 * [{@code ogi_stats_feed_applied_seq}], reporting-service's newest seq as last seen
 * [{@code ogi_stats_feed_latest_seq}], the events between them [{@code ogi_stats_feed_lag_events}] and how long
 * since a page was last fetched [{@code ogi_stats_feed_poll_age_seconds}] — read from the cursor row at most every
 * few seconds; events applied [{@code ogi_stats_events_applied_total}], whose rate is the apply rate; and rebuilds by
 * source and outcome with their duration [{@code ogi_stats_rebuild_seconds}]; revalidations answered 304
 * before the request reached the resources [{@code ogi_stats_revalidated_early_total}].
 */
@ApplicationScoped
public class StatsMetrics {

    static final Duration GAUGE_MAX_AGE = Duration.ofSeconds(5);

    /** How a rebuild ended: the read model equalled the replay, was replaced by it, differed (kept), or failed. */
    public static final String EQUAL = "equal";

    public static final String SWAPPED = "swapped";
    public static final String DIFFERENT = "different";
    public static final String FAILED = "failed";

    @Inject
    MeterRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    private Counter applied;
    private Counter revalidatedEarly;
    private Counter revalidatedForKnownCaller;

    @PostConstruct
    void counters() {
        // here rather than at startup: the feed consumer may apply a page before the startup event reaches us
        applied = Counter.builder("ogi.stats.events.applied")
                .description("Change-feed events applied to the read model (their rate is the apply rate)")
                .register(registry);
        revalidatedEarly = Counter.builder("ogi.stats.revalidated.early")
                .description("Revalidations (If-None-Match) answered 304 before the request reached the resources")
                .register(registry);
        revalidatedForKnownCaller = Counter.builder("ogi.stats.revalidated.known.caller")
                .description("Of those, the ones answered before authentication, for a caller known by its exact token")
                .register(registry);
    }

    void register(@Observes StartupEvent started) {
        for (String source : List.of("log", "feed")) {
            for (String outcome : List.of(EQUAL, SWAPPED, DIFFERENT, FAILED)) {
                rebuilds(source, outcome);
            }
        }
        CachedQuery cursor = new CachedQuery(dataSource::getConnection, """
                SELECT last_seq, GREATEST(latest_seq, last_seq), GREATEST(latest_seq - last_seq, 0),
                       extract(epoch FROM now() - polled_at)
                FROM feed_cursor WHERE id = 1""", 4, GAUGE_MAX_AGE);
        gauge("ogi.stats.feed.applied.seq", "The last change-feed seq applied to the read model", cursor, 1, null);
        gauge("ogi.stats.feed.latest.seq", "reporting-service's newest seq, as last seen on the feed", cursor, 2, null);
        gauge("ogi.stats.feed.lag", "Events on the feed not yet applied (latest seen − applied)", cursor, 3, "events");
        gauge(
                "ogi.stats.feed.poll.age",
                "Time since the feed was last read (NaN also: never read)",
                cursor,
                4,
                "seconds");
    }

    private void gauge(String name, String description, CachedQuery query, int column, String unit) {
        Gauge.builder(name, query, q -> q.value(column))
                .description(description + " (NaN: database away)")
                .baseUnit(unit)
                .strongReference(true)
                .register(registry);
    }

    /** Events newly applied from the live feed (not a rebuild's replay). */
    public void applied(int events) {
        if (events > 0) {
            applied.increment(events);
        }
    }

    /** A revalidation answered 304 on the event loop (rest/EarlyRevalidation). */
    public void revalidatedEarly() {
        revalidatedEarly.increment();
    }

    /** Of those, one answered before authentication, for a caller known by its exact token (rest/KnownCallers). */
    public void revalidatedForKnownCaller() {
        revalidatedForKnownCaller.increment();
    }

    /** A rebuild that ended after {@code took}. */
    public void rebuilt(String source, String outcome, Duration took) {
        rebuilds(source, outcome).record(took);
    }

    private Timer rebuilds(String source, String outcome) {
        return Timer.builder("ogi.stats.rebuild")
                .description("Rebuilds of the read model by source (log, feed) and outcome, and how long each took")
                .tag("source", source)
                .tag("outcome", outcome)
                .register(registry);
    }
}
