package cn.ogi.web.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Meter settings every service shares: every meter carries the tag {@code service} (the application's name), so
 * that one dashboard query covers the three; the HTTP server timer publishes histogram buckets (1 ms to 30 s), so
 * that Prometheus computes p95 latency per route ({@code histogram_quantile} over {@code _bucket}) across
 * instances — client-side percentiles could not be aggregated.
 */
@Singleton
public class MeterSettings {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    // a Quarkus key, not the platform's (no ogi.* mapping): read with @ConfigProperty as the framework documents it
    @ConfigProperty(name = "quarkus.application.name")
    String application;

    @Produces
    @Singleton
    MeterFilter serviceTag() {
        return MeterFilter.commonTags(io.micrometer.core.instrument.Tags.of("service", application));
    }

    @Produces
    @Singleton
    MeterFilter httpServerHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }
}
