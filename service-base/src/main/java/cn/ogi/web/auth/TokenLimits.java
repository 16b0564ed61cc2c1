package cn.ogi.web.auth;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What a verified token must also satisfy ({@link TokenRules}), from the keys {@code ogi.token.*}. Lifetime is
 * {@code exp − iat}: a token that a provider (or a careless script) issues for years is refused, however well it
 * is signed.
 *
 * @param maxLifetime        {@code ogi.token.max-lifetime}: a person's token (submitter, supervisor, viewer,
 *                           admin), default 24h
 * @param maxServiceLifetime {@code ogi.token.max-service-lifetime}: a token with the role {@code service}, default
 *                           30d (deploy/local/start mints its service tokens for 30 days)
 * @param clockSkew          {@code ogi.token.clock-skew}: how far in the future {@code iat} may lie, default 60s
 */
public record TokenLimits(Duration maxLifetime, Duration maxServiceLifetime, Duration clockSkew) {

    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(24);
    public static final Duration DEFAULT_MAX_SERVICE_LIFETIME = Duration.ofDays(30);

    public static TokenLimits fromConfig() {
        Config config = ConfigProvider.getConfig();
        return new TokenLimits(
                config.getOptionalValue("ogi.token.max-lifetime", Duration.class)
                        .orElse(DEFAULT_MAX_LIFETIME),
                config.getOptionalValue("ogi.token.max-service-lifetime", Duration.class)
                        .orElse(DEFAULT_MAX_SERVICE_LIFETIME),
                config.getOptionalValue("ogi.token.clock-skew", Duration.class).orElse(Duration.ofSeconds(60)));
    }
}
