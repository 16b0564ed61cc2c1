package cn.ogi.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.web.testing.ConfigMappings;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class TokenRulesTest {

    private final TokenLimits limits = ConfigMappings.read(
            TokenLimits.class,
            Map.of(
                    "ogi.token.max-lifetime",
                    "24h",
                    "ogi.token.max-service-lifetime",
                    "30d",
                    "ogi.token.clock-skew",
                    "60s"));
    private final long now = Instant.now().getEpochSecond();

    private Optional<String> problem(String claims) throws Exception {
        JwtClaims parsed = JwtClaims.parse(claims);
        return TokenRules.problem(new DefaultJWTCallerPrincipal("JWT", parsed), Instant.now(), limits);
    }

    private String claims(long iat, long exp, String roles, String jurisdiction) {
        return "{\"sub\":\"s\",\"iat\":" + iat + ",\"exp\":" + exp + (roles == null ? "" : ",\"roles\":" + roles)
                + ",\"groups\":[\"supervisor\"]" + (jurisdiction == null ? "" : ",\"jurisdiction\":" + jurisdiction)
                + "}";
    }

    @Test
    void acceptsAnOrdinaryToken() throws Exception {
        assertEquals(Optional.empty(), problem(claims(now, now + 3600, "[\"supervisor\"]", "\"371500\"")));
    }

    @Test
    void refusesLaxTokens() throws Exception {
        assertTrue(problem(claims(now, now + 100L * 365 * 86400, "[\"supervisor\"]", "\"371500\""))
                .orElseThrow()
                .contains("lifetime"));
        assertTrue(problem(claims(now + 86400, now + 90000, "[\"supervisor\"]", "\"371500\""))
                .orElseThrow()
                .contains("future"));
        assertTrue(problem(claims(now, now + 60, "\"supervisor\"", "\"371500\""))
                .orElseThrow()
                .contains("roles"));
        assertTrue(problem(claims(now, now + 60, "[\"supervisor\"]", null))
                .orElseThrow()
                .contains("jurisdiction"));
        assertTrue(problem(claims(now, now + 60, "[\"supervisor\"]", "371500"))
                .orElseThrow()
                .contains("jurisdiction"));
        assertTrue(problem(claims(now, now + 60, "[\"supervisor\"]", "\"37\""))
                .orElseThrow()
                .contains("jurisdiction"));
    }
}
