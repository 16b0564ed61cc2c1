package cn.ogi.intake.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the directory in readiness without ever failing it (intake accepts the agencies it knows while
 * reporting-service is away): how many agencies it holds, its feed position, and when a round last reached the end
 * of the feed ({@code "not yet"} until the first since the start: an unknown agency is 503 until then).
 */
@Readiness
@ApplicationScoped
public class DirectoryCheck implements HealthCheck {

    @Inject
    Directory directory;

    @Inject
    DirectoryFollower follower;

    @Override
    public HealthCheckResponse call() {
        Instant caughtUp = follower.lastCaughtUp();
        return HealthCheckResponse.named("directory")
                .up()
                .withData("agencies", directory.size())
                .withData("cursor", directory.cursor())
                .withData("following", directory.following())
                .withData("lastCaughtUp", caughtUp == null ? "not yet" : caughtUp.toString())
                .build();
    }
}
