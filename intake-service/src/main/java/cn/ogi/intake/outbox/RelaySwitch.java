package cn.ogi.intake.outbox;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code intake.relay.enabled=false} stops the relay (tests that inspect undelivered submissions). */
@Singleton
public class RelaySwitch implements Scheduled.SkipPredicate {

    @ConfigProperty(name = "intake.relay.enabled", defaultValue = "true")
    boolean enabled;

    @Override
    public boolean test(ScheduledExecution execution) {
        return !enabled;
    }
}
