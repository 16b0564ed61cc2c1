package cn.ogi.web.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long verified bearer tokens are reused ({@link VerifiedTokens}; {@code ogi.auth.token-cache.*}, also as
 * environment variables, {@code OGI_AUTH_TOKEN_CACHE_MAX_AGE}). stats-service's earlier names,
 * {@code stats.auth.token-cache.*}, are still read: they are the defaults' defaults.
 */
@ConfigMapping(prefix = "ogi.auth.token-cache")
public interface TokenCacheSettings {

    /** The longest a verified token is reused, never past its {@code exp} (a duration; 0 turns reuse off). */
    @WithDefault("${stats.auth.token-cache.max-age:60s}")
    Duration maxAge();

    /** The most tokens kept at once (tokens); a new one that does not fit is verified on every request. */
    @WithDefault("${stats.auth.token-cache.max-size:10000}")
    int maxSize();
}
