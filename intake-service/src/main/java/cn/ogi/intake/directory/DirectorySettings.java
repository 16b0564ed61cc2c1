package cn.ogi.intake.directory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How intake follows the registry from reporting-service's change feed ({@code intake.directory.*}; every key is
 * also an environment variable, {@code intake.directory.follow} → {@code INTAKE_DIRECTORY_FOLLOW}).
 */
@ConfigMapping(prefix = "intake.directory")
public interface DirectorySettings {

    /** Whether the registry is followed at all; false: the durable copy is all there is (tests). */
    @WithDefault("true")
    boolean follow();

    /** The time between two rounds of the follower when no request asks for one sooner (a duration). */
    @WithDefault("2s")
    Duration interval();

    /** How long a request naming an agency not known yet waits for a round (then 503 registry-unavailable). */
    @WithDefault("2s")
    Duration unknownWait();
}
