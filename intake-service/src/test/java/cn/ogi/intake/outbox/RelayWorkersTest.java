package cn.ogi.intake.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The relay's workers over a scripted outbox (no database, no reporting-service): how many of them deliver a backlog
 * that builds up while one of them is busy. The delivery itself — claims, SKIP LOCKED, settlement — is tested against
 * PostgreSQL and a real reporting-service in {@code BatchedRelayTest} and the end-to-end tests.
 */
class RelayWorkersTest {

    /** An outbox of {@code due} claims (each a batch), one claim taking {@code callMillis} as a call would. */
    static final class ScriptedOutbox extends OutboxDelivery {
        final AtomicInteger due = new AtomicInteger();
        final AtomicInteger emptyClaims = new AtomicInteger();
        final Set<String> deliveringThreads = ConcurrentHashMap.newKeySet();
        final CountDownLatch firstCallHeld = new CountDownLatch(1);
        final CountDownLatch backlogAdded = new CountDownLatch(1);
        final AtomicInteger deliveries = new AtomicInteger();
        volatile boolean backlogStarted;

        @Override
        public boolean deliverNext() {
            if (due.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
                emptyClaims.incrementAndGet();
                return false;
            }
            if (deliveries.incrementAndGet() == 1) {
                firstCallHeld.countDown();
                await(backlogAdded); // the first call lasts until the backlog is there
            } else {
                deliveringThreads.add(Thread.currentThread().getName() + "@"
                        + Thread.currentThread().getId());
                sleep(20);
            }
            return true;
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RelaySettings settings(int workers, Duration interval) {
        return new RelaySettings() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Duration interval() {
                return interval;
            }

            @Override
            public int workers() {
                return workers;
            }

            @Override
            public Duration firstRetry() {
                return Duration.ofMillis(500);
            }

            @Override
            public Duration maxRetry() {
                return Duration.ofSeconds(60);
            }

            @Override
            public int batchSize() {
                return 100;
            }

            @Override
            public long batchMaxBytes() {
                return 8 << 20;
            }

            @Override
            public Duration batchProbeInterval() {
                return Duration.ofMinutes(1);
            }
        };
    }

    @Test
    void aBacklogBuiltWhileOneWorkerDeliversIsSharedByTheOthers() throws Exception {
        ScriptedOutbox outbox = new ScriptedOutbox();
        OutboxRelay relay = new OutboxRelay(outbox, settings(4, Duration.ofMillis(10)));
        outbox.due.set(1); // one claim due: one worker gets it, the three others find nothing
        Thread round = new Thread(relay::drain, "relay-round");
        round.start();
        assertTrue(outbox.firstCallHeld.await(10, TimeUnit.SECONDS));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (outbox.emptyClaims.get() < 3 && System.nanoTime() < until) {
            Thread.sleep(1);
        }
        assertTrue(outbox.emptyClaims.get() >= 3, "the other workers' first claims came back empty");
        outbox.due.set(40); // the backlog that came in during the first call
        outbox.backlogAdded.countDown();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> round.join());
        relay.stop();

        assertEquals(0, outbox.due.get(), "everything due was delivered within the round");
        assertEquals(41, outbox.deliveries.get());
        assertTrue(
                outbox.deliveringThreads.size() >= 3,
                "the backlog was delivered by " + outbox.deliveringThreads + ", not by the workers together");
    }

    @Test
    void aRoundEndsWhenAWorkerFailsAndNothingElseIsDue() {
        OutboxDelivery failing = new OutboxDelivery() {
            private final AtomicInteger attempts = new AtomicInteger();

            @Override
            public boolean deliverNext() {
                if (attempts.incrementAndGet() == 1) {
                    throw new IllegalStateException("reporting-service's database is down");
                }
                return false;
            }
        };
        OutboxRelay relay = new OutboxRelay(failing, settings(4, Duration.ofMillis(10)));
        assertTimeoutPreemptively(Duration.ofSeconds(10), relay::drain);
        relay.stop();
    }
}
