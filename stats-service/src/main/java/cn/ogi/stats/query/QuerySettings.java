package cn.ogi.stats.query;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds on a stats query ({@code stats.query.*}; also environment variables, {@code STATS_QUERY_MAX_YEARS}). */
@ConfigMapping(prefix = "stats.query")
public interface QuerySettings {

    /** The widest from/to span a query may ask for (years; 400 beyond). */
    @WithDefault("20")
    int maxYears();
}
