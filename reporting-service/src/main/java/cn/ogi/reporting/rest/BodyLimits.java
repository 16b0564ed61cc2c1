package cn.ogi.reporting.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The bound on request bodies other than deliveries ({@code reporting.http.*}; {@code REPORTING_HTTP_MAX_BODY_SIZE}):
 * the HTTP layer's own bound ({@code quarkus.http.limits.max-body-size}) is raised to fit a delivery with its
 * published original, and {@link BodySizeFilter} keeps this one for every other endpoint.
 */
@ConfigMapping(prefix = "reporting.http")
public interface BodyLimits {

    /** The largest body of any endpoint but the deliveries, by its declared length (a size: 8M; 413 beyond). */
    @WithDefault("8M")
    MemorySize maxBodySize();
}
