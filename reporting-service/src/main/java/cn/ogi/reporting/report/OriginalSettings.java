package cn.ogi.reporting.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Published originals kept with a version ({@code reporting.original.*}; also an environment variable,
 * {@code REPORTING_ORIGINAL_MAX_BYTES}). Raise {@code quarkus.http.limits.max-body-size} with it: a delivery carries
 * the original in base64, 4/3 of its size.
 */
@ConfigMapping(prefix = "reporting.original")
public interface OriginalSettings {

    /** The largest original accepted, once decoded (bytes; 50 MiB: a scanned report of a few hundred pages). */
    @WithDefault("52428800")
    long maxBytes();
}
