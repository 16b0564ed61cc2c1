package cn.ogi.intake.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Drains the outbox: on every tick, a few workers deliver due entries until none is left.
 * Entries that fail wait out their backoff; nothing is marked delivered without reporting-service's 2xx.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxDelivery delivery;

    @ConfigProperty(name = "intake.relay.workers", defaultValue = "4")
    int workers;

    private ExecutorService pool;

    @Scheduled(every = "${intake.relay.interval:0.2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelaySwitch.class)
    void drain() throws InterruptedException {
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            running.add(pool().submit(this::deliverUntilEmpty));
        }
        for (Future<?> worker : running) {
            try {
                worker.get();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warnf(e.getCause(), "outbox worker stopped");
            }
        }
    }

    private void deliverUntilEmpty() {
        while (delivery.deliverNext()) {
            // keep going while there is due work
        }
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "outbox-relay");
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    @PreDestroy
    synchronized void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
