package cn.ogi.web;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs one task again and again on its own daemon thread, waiting {@code interval} between the end of a run
 * and the start of the next (never two runs at once). For the loops that must react in well under a second —
 * intake's outbox relay, stats' change-feed consumer: Quarkus' built-in scheduler checks its triggers once a
 * second, so an {@code @Scheduled(every = "0.2s")} runs at best once a second. A run that throws is logged and
 * the loop goes on.
 */
public final class PollingLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PollingLoop.class);

    private final String name;
    private final ScheduledExecutorService executor;

    private PollingLoop(String name) {
        this.name = name;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the loop: the first run after {@code initialDelay}, then {@code interval} after each run ends. */
    // The schedule's future is not needed: each run catches what it throws, and close() stops the executor.
    @SuppressWarnings("FutureReturnValueIgnored")
    public static PollingLoop start(String name, Duration initialDelay, Duration interval, Runnable task) {
        PollingLoop loop = new PollingLoop(name);
        loop.executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException | Error e) {
                        LOG.errorf(e, "%s: a run failed; the next one starts in %s", name, interval);
                    }
                },
                initialDelay.toMillis(),
                Math.max(1, interval.toMillis()),
                TimeUnit.MILLISECONDS);
        return loop;
    }

    /** Stops the loop, interrupting a run in progress, and waits up to 10 s for it to end. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warnf("%s: still running 10 s after it was asked to stop", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
