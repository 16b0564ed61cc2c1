package cn.ogi.stats.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The cache of serialized answers ({@link AnswerCache}; {@code stats.answer-cache.*}, also environment variables,
 * {@code STATS_ANSWER_CACHE_MAX_BYTES}).
 */
@ConfigMapping(prefix = "stats.answer-cache")
public interface AnswerCacheSettings {

    /**
     * The most bytes of answers kept at once (bodies, plus their keys and a fixed allowance per entry); 0 turns the
     * cache off. An answer larger than a quarter of it is never kept.
     */
    @WithDefault("16777216")
    long maxBytes();
}
