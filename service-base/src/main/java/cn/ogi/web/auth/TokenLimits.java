package cn.ogi.web.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * What a verified token must also satisfy ({@link TokenRules}), from the keys {@code ogi.token.*}. Lifetime is
 * {@code exp − iat}: a token that a provider (or a careless script) issues for years is refused, however well it
 * is signed.
 */
@ConfigMapping(prefix = "ogi.token")
public interface TokenLimits {

    /** The default of {@link #maxLifetime()}, for the token command, which mints without the services' config. */
    Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(24);
    /** The default of {@link #maxServiceLifetime()}, for the token command. */
    Duration DEFAULT_MAX_SERVICE_LIFETIME = Duration.ofDays(30);

    /** The longest lifetime of a person's token (submitter, supervisor, viewer, admin). */
    @WithDefault("24h")
    Duration maxLifetime();

    /** The longest lifetime of a token with the role {@code service} (deploy/local/start mints its for 30 days). */
    @WithDefault("30d")
    Duration maxServiceLifetime();

    /** How far in the future {@code iat} may lie. */
    @WithDefault("60s")
    Duration clockSkew();
}
