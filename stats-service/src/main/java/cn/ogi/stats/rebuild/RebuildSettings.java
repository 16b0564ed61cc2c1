package cn.ogi.stats.rebuild;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Rebuilding the read model from the change feed, and recomputing the completeness counts when the deadlines
 * change ({@code stats.rebuild.*}; every key is also an environment variable, {@code stats.rebuild.batch-size} →
 * {@code STATS_REBUILD_BATCH_SIZE}).
 */
@ConfigMapping(prefix = "stats.rebuild")
public interface RebuildSettings {

    /** Events per transaction while a rebuild replays the first part of the feed. */
    @WithDefault("500")
    int batchSize();

    /**
     * The longest one transaction of a rebuild (the final, locking one: catch-up, comparison, swap) or of a
     * completeness recomputation may take on a whole province (seconds).
     */
    @WithDefault("1800")
    int timeoutSeconds();
}
