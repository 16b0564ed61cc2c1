package cn.ogi.web.testing;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/** A {@code @ConfigMapping} read outside Quarkus as Quarkus reads it: expressions expanded, durations such as 2s. */
public final class ConfigMappings {

    private ConfigMappings() {}

    /** The mapping with these keys set (as in application.properties) and every other key at its default. */
    public static <T> T read(Class<T> mapping, Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(mapping)
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .build();
        return config.getConfigMapping(mapping);
    }
}
