package cn.ogi.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A verified token is reused until its expiry or the maximum age; a refusal is never reused. */
class VerifiedTokensTest {

    private final AtomicInteger verifications = new AtomicInteger();

    /** Stands in for SmallRye's parser: "bad…" is refused, "exp=N…" expires N seconds from now. */
    private final DefaultJWTParser verifier = new DefaultJWTParser() {
        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.incrementAndGet();
            if (token.startsWith("bad")) {
                throw new ParseException("refused");
            }
            long in = Long.parseLong(token.substring(4, token.indexOf(';')));
            return token(System.currentTimeMillis() / 1000 + in);
        }
    };

    @Test
    void aVerifiedTokenIsVerifiedOnceWithinItsLifetimeAndTheMaximumAge() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, Duration.ofSeconds(60), 100);
        JsonWebToken first = tokens.parse("exp=3600;a");
        assertSame(first, tokens.parse("exp=3600;a"));
        tokens.parse("exp=3600;b");
        assertEquals(2, verifications.get(), "each token verified once");
    }

    @Test
    void aTokenAboutToExpireOrAlreadyExpiredIsVerifiedEveryTime() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, Duration.ofSeconds(60), 100);
        tokens.parse("exp=-5;late");
        tokens.parse("exp=-5;late");
        tokens.parse("exp=1;soon");
        Thread.sleep(1100);
        tokens.parse("exp=1;soon");
        assertEquals(4, verifications.get());
    }

    @Test
    void aRefusalIsNeverReused() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, Duration.ofSeconds(60), 100);
        assertThrows(ParseException.class, () -> tokens.parse("bad;1"));
        assertThrows(ParseException.class, () -> tokens.parse("bad;1"));
        assertEquals(2, verifications.get());
    }

    @Test
    void aFullCacheOrAZeroAgeKeepsNothing() throws Exception {
        VerifiedTokens full = new VerifiedTokens(verifier, Duration.ofSeconds(60), 1);
        full.parse("exp=3600;a");
        full.parse("exp=3600;b");
        full.parse("exp=3600;b");
        assertEquals(3, verifications.get(), "b did not fit");
        VerifiedTokens off = new VerifiedTokens(verifier, Duration.ZERO, 100);
        off.parse("exp=3600;c");
        off.parse("exp=3600;c");
        assertEquals(5, verifications.get());
    }

    private static JsonWebToken token(long exp) {
        Map<String, Object> claims = Map.of("exp", exp, "sub", "someone");
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
