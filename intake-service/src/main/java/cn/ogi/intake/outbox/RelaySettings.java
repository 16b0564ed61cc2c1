package cn.ogi.intake.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The outbox relay ({@code intake.relay.*}): how often it looks for due entries, how many deliver in parallel, the
 * retry backoff, and how entries are batched into calls of reporting-service's {@code POST /api/v1/deliveries}. Every
 * key is also an environment variable ({@code intake.relay.workers} → {@code INTAKE_RELAY_WORKERS}).
 */
@ConfigMapping(prefix = "intake.relay")
public interface RelaySettings {

    /** Whether the relay delivers at all; false leaves accepted submissions in the outbox (tests drive it). */
    @WithDefault("true")
    boolean enabled();

    /**
     * How long the relay waits after a round before looking for due entries again, and a worker that found none while
     * another still delivers before it looks again (a duration).
     */
    @WithDefault("0.2s")
    Duration interval();

    /** How many workers deliver due entries in parallel (threads). */
    @WithDefault("4")
    int workers();

    /** The wait before the first retry of a failed delivery; it doubles with every further failure (a duration). */
    @WithDefault("PT0.5S")
    Duration firstRetry();

    /** The longest wait between two attempts of one entry, however often it failed (a duration). */
    @WithDefault("PT60S")
    Duration maxRetry();

    /** The most due entries one transaction claims and delivers, in one call when their bytes allow (entries). */
    @WithDefault("100")
    int batchSize();

    /** About the most bytes of one batch call's body; an entry larger than this goes alone (bytes). */
    @WithDefault("8388608")
    long batchMaxBytes();

    /** How long a reporting-service without the batch endpoint (404/405) gets single deliveries (a duration). */
    @WithDefault("PT1M")
    Duration batchProbeInterval();
}
