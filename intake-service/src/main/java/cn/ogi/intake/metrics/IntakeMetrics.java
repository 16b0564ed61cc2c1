package cn.ogi.intake.metrics;

import cn.ogi.intake.submission.LineResult;
import cn.ogi.web.metrics.CachedQuery;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * intake's domain metrics (Prometheus names in brackets): submissions by channel and outcome
 * [{@code ogi_intake_submissions_total}], the outbox's backlog and the age of its oldest entry
 * [{@code ogi_intake_outbox_backlog}, {@code ogi_intake_outbox_oldest_age_seconds}], calls to reporting-service by
 * outcome with their duration [{@code ogi_intake_deliveries_seconds}] and the submissions each carried
 * [{@code ogi_intake_delivery_batch_size}], and the time from receipt to settlement
 * [{@code ogi_intake_delivery_latency_seconds}], and published reports read by use, outcome and source form (html, pdf, text, markdown)
 * [{@code ogi_intake_parses_total}]. Outcomes use the batch answer's words ({@link LineResult#STATUSES}).
 */
@ApplicationScoped
public class IntakeMetrics {

    /** The outbox gauges read the table at most this often, however often Prometheus scrapes. */
    static final Duration GAUGE_MAX_AGE = Duration.ofSeconds(5);

    public static final String JSON = "json";
    public static final String TEXT = "text";
    public static final String BATCH = "batch";

    /** Uses of the text parser: a dry run ({@code POST /api/v1/parse}) or a text submission. */
    public static final String PARSE = "parse";

    public static final String SUBMISSION = "submission";
    public static final String PARSED = "parsed";
    public static final String UNREADABLE = "unreadable";

    /** A delivery attempt: stored by reporting-service, refused for good, or failed (to be retried). */
    public enum DeliveryOutcome {
        DELIVERED,
        REFUSED,
        FAILED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Inject
    MeterRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    void register(@Observes StartupEvent started) {
        for (String channel : List.of(JSON, TEXT, BATCH)) {
            for (String outcome : LineResult.STATUSES) {
                submissions(channel, outcome);
            }
        }
        batchSizes();
        for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
            deliveries(outcome);
            if (outcome != DeliveryOutcome.FAILED) {
                latency(outcome);
            }
        }
        for (String use : List.of(PARSE, SUBMISSION)) {
            parses(use, UNREADABLE, null);
        }
        CachedQuery outbox = new CachedQuery(dataSource::getConnection, """
                SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM outbox""", 2, GAUGE_MAX_AGE);
        Gauge.builder("ogi.intake.outbox.backlog", outbox, q -> q.value(1))
                .description("Accepted submissions not yet delivered to reporting-service (NaN: database away)")
                .strongReference(true)
                .register(registry);
        Gauge.builder("ogi.intake.outbox.oldest.age", outbox, q -> q.value(2))
                .description("How long the oldest undelivered submission has waited (0: none waiting)")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    /** One single submission (JSON or text) answered with the outcome. */
    public void submitted(String channel, String outcome) {
        submissions(channel, outcome).increment();
    }

    /** A batch's summary: lines per outcome. */
    public void batch(Map<String, Integer> counts) {
        counts.forEach((outcome, lines) -> {
            if (lines > 0 && LineResult.STATUSES.contains(outcome)) {
                submissions(BATCH, outcome).increment(lines);
            }
        });
    }

    /**
     * One call to reporting-service and how long it took: a single delivery (its outcome), or a batch of
     * {@code entries} (delivered: answered, each entry then settled by its own outcome; failed: no usable answer).
     */
    public void deliveryCall(DeliveryOutcome outcome, Duration took, int entries) {
        deliveries(outcome).record(took);
        batchSizes().record(entries);
    }

    /** One submission settled (stored or refused for good), and how long since its receipt. */
    public void settled(DeliveryOutcome outcome, Duration sinceReceived) {
        if (outcome != DeliveryOutcome.FAILED) {
            latency(outcome).record(sinceReceived.isNegative() ? Duration.ZERO : sinceReceived);
        }
    }

    private DistributionSummary batchSizes() {
        return DistributionSummary.builder("ogi.intake.delivery.batch.size")
                .description("Submissions carried by each call to reporting-service (1: a single delivery)")
                .register(registry);
    }

    private Timer latency(DeliveryOutcome outcome) {
        return Timer.builder("ogi.intake.delivery.latency")
                .description("From a submission's receipt to reporting-service's final answer (stored or refused)")
                .tag("outcome", outcome.tag())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    /** A published report read (a dry run or a submission): parsed, with the form it was read as, or unreadable. */
    public void parsed(String use, String outcome, String form) {
        parses(use, outcome, form).increment();
    }

    private Counter parses(String use, String outcome, String form) {
        return Counter.builder("ogi.intake.parses")
                .description("Published reports read, by use (parse: dry run; submission), outcome and source form")
                .tag("use", use)
                .tag("outcome", outcome)
                .tag("form", form == null || form.isBlank() ? "unknown" : form)
                .register(registry);
    }

    private Counter submissions(String channel, String outcome) {
        return Counter.builder("ogi.intake.submissions")
                .description("Submissions answered, by channel (json, text, batch lines) and outcome")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .register(registry);
    }

    private Timer deliveries(DeliveryOutcome outcome) {
        return Timer.builder("ogi.intake.deliveries")
                .description("Calls to reporting-service (one delivery or a batch), by outcome, and how long each took")
                .tag("outcome", outcome.tag())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }
}
