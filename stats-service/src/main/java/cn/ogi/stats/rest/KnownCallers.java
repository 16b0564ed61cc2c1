package cn.ogi.stats.rest;

import cn.ogi.web.auth.TokenCacheSettings;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The callers that Quarkus' authentication accepted lately, by the exact text of their {@code Authorization} header,
 * so that {@link EarlyRevalidation} can answer their next revalidation before that authentication runs again (its
 * Mutiny chain, context propagation, the JWT mechanism and {@code TokenRules} were a fifth of a 304's CPU). Only an
 * identity the full mechanism produced for exactly that header is kept — a JWT principal whose raw token is the
 * header's {@code Bearer} token — and only until the token's {@code exp} or for {@code ogi.auth.token-cache.max-age}
 * ({@link TokenCacheSettings}, as service-base's {@code VerifiedTokens}), whichever comes first: never past its
 * expiry, and a key taken out of service stops being honoured within the same time. Refusals are never kept (they
 * never reach {@link #remember}); any other header text, even one character apart, is not known. At most {@code
 * ogi.auth.token-cache.max-size} callers; when full, the expired ones are dropped, and a caller that still does not
 * fit is authenticated every time. The identity is the same object the resource would see: roles, jurisdiction and
 * the parameters are still checked on every request.
 */
@ApplicationScoped
public class KnownCallers {

    static final String BEARER = "Bearer ";

    private record Known(SecurityIdentity identity, long untilNanos, long expiresAtMillis) {}

    private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();
    private final Duration maxAge;
    private final int maxSize;
    private final LongSupplier nanoTime;
    private final LongSupplier currentMillis;

    @Inject
    public KnownCallers(TokenCacheSettings settings) {
        this(settings.maxAge(), settings.maxSize(), System::nanoTime, System::currentTimeMillis);
    }

    /** For a test: the age, size and clocks (the monotonic one for the age, the wall clock for {@code exp}). */
    KnownCallers(Duration maxAge, int maxSize, LongSupplier nanoTime, LongSupplier currentMillis) {
        this.maxAge = maxAge;
        this.maxSize = maxSize;
        this.nanoTime = nanoTime;
        this.currentMillis = currentMillis;
    }

    /** The identity authenticated lately for exactly this header, while its token is unexpired; else null. */
    SecurityIdentity get(String authorization) {
        Known caller = known.get(authorization);
        if (caller == null) {
            return null;
        }
        if (nanoTime.getAsLong() - caller.untilNanos() >= 0 || currentMillis.getAsLong() >= caller.expiresAtMillis()) {
            known.remove(authorization, caller);
            return null;
        }
        return caller.identity();
    }

    /** Keeps an identity the authentication produced for this header (anything else is ignored). */
    void remember(String authorization, SecurityIdentity identity) {
        if (maxAge.isZero()
                || maxAge.isNegative()
                || authorization == null
                || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken token)
                || token.getRawToken() == null
                || authorization.length()
                        != BEARER.length() + token.getRawToken().length()
                || !authorization.startsWith(BEARER)
                || !authorization.endsWith(token.getRawToken())) {
            return;
        }
        long expiresAtMillis = token.getExpirationTime() * 1000;
        if (token.getExpirationTime() <= 0 || currentMillis.getAsLong() >= expiresAtMillis) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (known.size() >= maxSize) {
            long wall = currentMillis.getAsLong();
            known.values().removeIf(k -> now - k.untilNanos() >= 0 || wall >= k.expiresAtMillis());
            if (known.size() >= maxSize) {
                return;
            }
        }
        known.put(authorization, new Known(identity, now + maxAge.toNanos(), expiresAtMillis));
    }

    /** How many callers are kept (for the tests). */
    int size() {
        return known.size();
    }
}
