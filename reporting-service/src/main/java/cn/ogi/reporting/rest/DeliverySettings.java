package cn.ogi.reporting.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Batched delivery, {@code POST /api/v1/deliveries} ({@code reporting.delivery.*}; {@code REPORTING_DELIVERY_MAX_BATCH}). */
@ConfigMapping(prefix = "reporting.delivery")
public interface DeliverySettings {

    /** The most deliveries one call may carry (413 beyond): one transaction holds the locks of all their reports. */
    @WithDefault("500")
    int maxBatch();
}
