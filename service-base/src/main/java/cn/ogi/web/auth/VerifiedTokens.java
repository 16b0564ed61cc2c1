package cn.ogi.web.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens verified once, then reused, in every service: a dashboard or a submitting client sends the same token
 * with every request, and verifying its RS256 signature (and parsing its claims) was 43 % of a stats query's CPU and,
 * while the JIT was still compiling, a third of intake's Java work per single submission (docs/BENCHMARKS.md). A token that SmallRye JWT accepted is kept, by its
 * exact text, until its {@code exp} or for {@code ogi.auth.token-cache.max-age} ({@link TokenCacheSettings}, 60 s), whichever comes first
 * — so a token is never accepted after it expires, and a key taken out of service stops being honoured within that
 * time. Refusals are never kept: a refused token is verified (and refused) again every time. At most {@code
 * ogi.auth.token-cache.max-size} tokens are kept; when full, expired ones are dropped, and a new token that still does
 * not fit is verified on every request. {@code max-age=0} turns it off. The platform's own rules for a verified token
 * ({@link TokenRules}: lifetime, {@code iat}, roles, jurisdiction) still run on every request. (stats-service's
 * earlier names, {@code stats.auth.token-cache.*}, still work.)
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** SmallRye JWT's own parser, which verifies (injected by type: this bean replaces it as the JWTParser). */
    @Inject
    DefaultJWTParser defaultParser;

    private JWTParser verifier;

    Duration maxAge;

    int maxSize;

    private record Verified(JsonWebToken token, long untilNanos) {}

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokens(TokenCacheSettings settings) {
        this.maxAge = settings.maxAge();
        this.maxSize = settings.maxSize();
    }

    /** For a test: another verifier, age and size. */
    VerifiedTokens(JWTParser verifier, Duration maxAge, int maxSize) {
        this.verifier = verifier;
        this.maxAge = maxAge;
        this.maxSize = maxSize;
    }

    private JWTParser verifier() {
        if (verifier == null) {
            verifier = defaultParser;
        }
        return verifier;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        long now = System.nanoTime();
        Verified known = verified.get(bearerToken);
        if (known != null && now - known.untilNanos() < 0) {
            return known.token();
        }
        JsonWebToken token = verifier().parse(bearerToken);
        remember(bearerToken, token, now);
        return token;
    }

    private void remember(String bearerToken, JsonWebToken token, long now) {
        if (maxAge.isZero() || maxAge.isNegative()) {
            return;
        }
        long untilExpiry = Duration.ofSeconds(
                        Math.max(0, token.getExpirationTime() - System.currentTimeMillis() / 1000))
                .toNanos();
        long keep = Math.min(maxAge.toNanos(), untilExpiry);
        if (keep <= 0) {
            return;
        }
        if (verified.size() >= maxSize) {
            verified.values().removeIf(v -> now - v.untilNanos() >= 0);
            if (verified.size() >= maxSize) {
                return;
            }
        }
        verified.put(bearerToken, new Verified(token, now + keep));
    }

    @Override
    public JsonWebToken parse(String bearerToken, JWTAuthContextInfo context) throws ParseException {
        return verifier().parse(bearerToken, context);
    }

    @Override
    public JsonWebToken verify(String bearerToken, PublicKey key) throws ParseException {
        return verifier().verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, SecretKey key) throws ParseException {
        return verifier().verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, String secret) throws ParseException {
        return verifier().verify(bearerToken, secret);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, PrivateKey key) throws ParseException {
        return verifier().decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, SecretKey key) throws ParseException {
        return verifier().decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, String secret) throws ParseException {
        return verifier().decrypt(bearerToken, secret);
    }

    @Override
    public JsonWebToken parseOnly(String bearerToken) throws ParseException {
        return verifier().parseOnly(bearerToken);
    }
}
