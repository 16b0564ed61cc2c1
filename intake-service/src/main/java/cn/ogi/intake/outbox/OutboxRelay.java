package cn.ogi.intake.outbox;

import cn.ogi.web.PollingLoop;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Drains the outbox: every {@code intake.relay.interval} (a {@link PollingLoop}, so that sub-second intervals
 * hold), a few workers deliver due entries until none is left. Entries that fail wait out their backoff;
 * nothing is marked delivered without reporting-service's 2xx. {@code intake.relay.enabled=false} leaves the
 * relay off (tests that inspect undelivered submissions).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxDelivery delivery;

    @Inject
    RelaySettings settings;

    private ExecutorService pool;
    private PollingLoop loop;

    synchronized void start(@Observes StartupEvent started) {
        if (settings.enabled()) {
            loop = PollingLoop.start("outbox-relay-loop", settings.interval(), settings.interval(), this::drain);
        }
    }

    void drain() {
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < settings.workers(); i++) {
            running.add(pool().submit(this::deliverUntilEmpty));
        }
        for (Future<?> worker : running) {
            try {
                worker.get();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warnf(e.getCause(), "outbox worker stopped");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
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
            pool = Executors.newFixedThreadPool(settings.workers(), r -> {
                Thread t = new Thread(r, "outbox-relay");
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    @PreDestroy
    synchronized void stop() {
        if (loop != null) {
            loop.close();
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
