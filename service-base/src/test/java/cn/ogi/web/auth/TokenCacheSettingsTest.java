package cn.ogi.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token cache's keys: their defaults, the environment, and stats-service's earlier names. */
class TokenCacheSettingsTest {

    private static TokenCacheSettings read(Map<String, String> properties, Map<String, String> environment) {
        // as Quarkus builds it: expressions expanded, durations such as 2s understood
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(TokenCacheSettings.class)
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
        return config.getConfigMapping(TokenCacheSettings.class);
    }

    @Test
    void withNothingSetTokensAreReusedForAMinuteAndTenThousandAtMost() {
        TokenCacheSettings settings = read(Map.of(), Map.of());
        assertEquals(Duration.ofSeconds(60), settings.maxAge());
        assertEquals(10_000, settings.maxSize());
    }

    @Test
    void anEnvironmentVariableReachesTheMapping() {
        TokenCacheSettings settings = read(
                Map.of("ogi.auth.token-cache.max-age", "30s"),
                Map.of("OGI_AUTH_TOKEN_CACHE_MAX_AGE", "2s", "OGI_AUTH_TOKEN_CACHE_MAX_SIZE", "7"));
        assertEquals(Duration.ofSeconds(2), settings.maxAge());
        assertEquals(7, settings.maxSize());
    }

    @Test
    void statsEarlierNamesStillCountUnlessTheNewOnesAreSet() {
        Map<String, String> earlier =
                Map.of("stats.auth.token-cache.max-age", "5s", "stats.auth.token-cache.max-size", "3");
        assertEquals(Duration.ofSeconds(5), read(earlier, Map.of()).maxAge());
        assertEquals(3, read(earlier, Map.of()).maxSize());
        assertEquals(
                Duration.ofSeconds(9),
                read(earlier, Map.of("OGI_AUTH_TOKEN_CACHE_MAX_AGE", "9s")).maxAge());
    }
}
