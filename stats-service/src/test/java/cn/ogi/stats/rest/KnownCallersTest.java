package cn.ogi.stats.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * A caller is known by exactly the header its token came in, until the token's exp or the maximum age, whichever
 * comes first; anything else is not known (and so goes through Quarkus' authentication).
 */
class KnownCallersTest {

    private static final long START_MILLIS = 1_800_000_000_000L;

    private final AtomicLong nanos = new AtomicLong(42);
    private final AtomicLong millis = new AtomicLong(START_MILLIS);

    private KnownCallers callers(Duration maxAge, int maxSize) {
        return new KnownCallers(maxAge, maxSize, nanos::get, millis::get);
    }

    private void later(Duration by) {
        nanos.addAndGet(by.toNanos());
        millis.addAndGet(by.toMillis());
    }

    @Test
    void aCallerIsKnownByExactlyItsHeaderAndNoOtherText() {
        KnownCallers callers = callers(Duration.ofSeconds(60), 100);
        SecurityIdentity viewer = identity("aaa.bbb.ccc", 3600);
        callers.remember("Bearer aaa.bbb.ccc", viewer);
        assertSame(viewer, callers.get("Bearer aaa.bbb.ccc"));
        for (String other : new String[] {
            "Bearer aaa.bbb.ccd", "Bearer aaa.bbb.cc", "Bearer aaa.bbb.ccc ", "bearer aaa.bbb.ccc", "aaa.bbb.ccc"
        }) {
            assertNull(callers.get(other), other);
        }
    }

    @Test
    void anExpiredTokenIsNotKnownEvenThoughItWasKept() {
        KnownCallers callers = callers(Duration.ofSeconds(60), 100);
        callers.remember("Bearer soon", identity("soon", 10));
        assertEquals(1, callers.size());
        later(Duration.ofSeconds(9));
        assertEquals("soon", ((JsonWebToken) callers.get("Bearer soon").getPrincipal()).getRawToken());
        later(Duration.ofSeconds(1));
        assertNull(callers.get("Bearer soon"), "at its exp, within the maximum age");
        callers.remember("Bearer late", identity("late", -1));
        assertNull(callers.get("Bearer late"), "already expired: never kept");
    }

    @Test
    void aCallerIsForgottenAfterTheMaximumAgeWhateverItsExpiry() {
        KnownCallers callers = callers(Duration.ofSeconds(60), 100);
        callers.remember("Bearer long", identity("long", 8 * 3600));
        later(Duration.ofSeconds(59));
        assertEquals("long", ((JsonWebToken) callers.get("Bearer long").getPrincipal()).getRawToken());
        later(Duration.ofSeconds(1));
        assertNull(callers.get("Bearer long"));
        KnownCallers off = callers(Duration.ZERO, 100);
        off.remember("Bearer long", identity("long", 3600));
        assertNull(off.get("Bearer long"), "max-age 0 keeps nothing");
    }

    @Test
    void onlyAnIdentityForTheHeadersOwnTokenIsKept() {
        KnownCallers callers = callers(Duration.ofSeconds(60), 100);
        callers.remember("Bearer other-token", identity("the-token", 3600));
        callers.remember(
                "Bearer the-token",
                QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        callers.remember(null, identity("the-token", 3600));
        assertEquals(0, callers.size());
        assertNull(callers.get("Bearer other-token"));
    }

    @Test
    void aFullCacheDropsTheExpiredAndOtherwiseKeepsNoNewCaller() {
        KnownCallers callers = callers(Duration.ofSeconds(60), 2);
        callers.remember("Bearer a", identity("a", 5));
        callers.remember("Bearer b", identity("b", 3600));
        callers.remember("Bearer c", identity("c", 3600));
        assertNull(callers.get("Bearer c"), "full: c did not fit");
        later(Duration.ofSeconds(5));
        callers.remember("Bearer c", identity("c", 3600));
        assertEquals("c", ((JsonWebToken) callers.get("Bearer c").getPrincipal()).getRawToken());
        assertNull(callers.get("Bearer a"));
    }

    /** An identity as Quarkus' JWT mechanism builds it: the token (raw text, exp in seconds) and its role. */
    private SecurityIdentity identity(String raw, long expiresInSeconds) {
        Map<String, Object> claims = Map.of(
                Claims.raw_token.name(),
                raw,
                Claims.exp.name(),
                START_MILLIS / 1000 + (millis.get() - START_MILLIS) / 1000 + expiresInSeconds,
                Claims.sub.name(),
                "someone");
        JsonWebToken token = new JsonWebToken() {
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
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addRole("viewer")
                .build();
    }
}
