package cn.ogi.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.web.testing.ConfigMappings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token rules' keys: the defaults the token command assumes are the mapping's. */
class TokenLimitsTest {

    @Test
    void theDefaultsAreTheOnesTheTokenCommandChecksAgainst() {
        TokenLimits limits = ConfigMappings.read(TokenLimits.class, Map.of());
        assertEquals(TokenLimits.DEFAULT_MAX_LIFETIME, limits.maxLifetime());
        assertEquals(TokenLimits.DEFAULT_MAX_SERVICE_LIFETIME, limits.maxServiceLifetime());
        assertEquals(Duration.ofSeconds(60), limits.clockSkew());
    }
}
