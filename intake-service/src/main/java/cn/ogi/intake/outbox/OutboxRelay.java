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
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Drains the outbox: every {@code intake.relay.interval} (a {@link PollingLoop}, so that sub-second intervals
 * hold), a few workers deliver due entries until none of them finds any. Entries that fail wait out their backoff;
 * nothing is marked delivered without reporting-service's 2xx. {@code intake.relay.enabled=false} leaves the
 * relay off (tests that inspect undelivered submissions).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxDelivery delivery;
    private final RelaySettings settings;

    private ExecutorService pool;
    private PollingLoop loop;

    @Inject
    OutboxRelay(OutboxDelivery delivery, RelaySettings settings) {
        this.delivery = delivery;
        this.settings = settings;
    }

    synchronized void start(@Observes StartupEvent started) {
        if (settings.enabled()) {
            loop = PollingLoop.start("outbox-relay-loop", settings.interval(), settings.interval(), this::drain);
        }
    }

    void drain() {
        AtomicInteger delivering = new AtomicInteger(settings.workers());
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < settings.workers(); i++) {
            running.add(pool().submit(() -> deliverWhileAnyDelivers(delivering)));
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

    /**
     * Delivers due entries until no worker finds any. A worker whose claim comes back empty while another still
     * delivers — what is due is claimed by the others, or waits behind an earlier entry of its report — looks again
     * after {@code intake.relay.interval} instead of stopping, so that a backlog building up during one worker's call
     * is shared by all of them. (Before, it stopped: under a steady flow of submissions the others soon found nothing
     * for a moment and the round went on with one worker delivering the whole backlog alone, 3,800 entries behind
     * at 200 corrections/s.) {@code delivering} counts the workers that found work on their last claim.
     */
    private void deliverWhileAnyDelivers(AtomicInteger delivering) {
        boolean counted = true;
        try {
            while (true) {
                if (delivery.deliverNext()) {
                    if (!counted) {
                        delivering.incrementAndGet();
                        counted = true;
                    }
                    continue;
                }
                if (counted) {
                    counted = false;
                    delivering.decrementAndGet();
                }
                if (delivering.get() == 0) {
                    return;
                }
                Thread.sleep(settings.interval().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (counted) {
                delivering.decrementAndGet(); // a worker that failed stops counting, so that the others can end
            }
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
