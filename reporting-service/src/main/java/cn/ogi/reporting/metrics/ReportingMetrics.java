package cn.ogi.reporting.metrics;

import cn.ogi.feed.VersionReceipt;
import cn.ogi.web.metrics.CachedQuery;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * reporting-service's domain metrics (Prometheus names in brackets): deliveries answered, by outcome —
 * {@code created} (a new version stored), {@code unchanged} (same content as the latest version), {@code replayed}
 * (a Delivery-Key seen before) [{@code ogi_reporting_versions_total}]; the change feed's newest seq
 * [{@code ogi_reporting_feed_latest_seq}], which stats' applied seq follows (their difference is the feed lag).
 */
@ApplicationScoped
public class ReportingMetrics {

    static final Duration GAUGE_MAX_AGE = Duration.ofSeconds(5);

    static final String CREATED = "created";
    static final String UNCHANGED = "unchanged";
    static final String REPLAYED = "replayed";

    @Inject
    MeterRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    void register(@Observes StartupEvent started) {
        List.of(CREATED, UNCHANGED, REPLAYED).forEach(this::versions);
        // max(seq) is read from the primary key's index: one cheap lookup every few seconds at most
        CachedQuery feed = new CachedQuery(
                dataSource::getConnection, "SELECT coalesce(max(seq), 0) FROM change_event", 1, GAUGE_MAX_AGE);
        Gauge.builder("ogi.reporting.feed.latest.seq", feed, q -> q.value(1))
                .description("The change feed's newest seq (NaN: database away)")
                .strongReference(true)
                .register(registry);
    }

    /** A delivery answered with its receipt (after its transaction committed). */
    public void delivered(VersionReceipt receipt) {
        versions(receipt.replayed() ? REPLAYED : receipt.unchanged() ? UNCHANGED : CREATED)
                .increment();
    }

    private Counter versions(String outcome) {
        return Counter.builder("ogi.reporting.versions")
                .description("Deliveries answered by outcome: created (a version stored), unchanged, replayed")
                .tag("outcome", outcome)
                .register(registry);
    }
}
