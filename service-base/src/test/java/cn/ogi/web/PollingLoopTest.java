package cn.ogi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollingLoopTest {

    @Test
    void runsAgainAndAgainWellUnderASecondApartAndGoesOnAfterAFailedRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch tenRuns = new CountDownLatch(10);
        try (PollingLoop loop = PollingLoop.start("test-loop", Duration.ZERO, Duration.ofMillis(10), () -> {
            tenRuns.countDown();
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the first run fails");
            }
        })) {
            // Ten runs 10 ms apart; a once-a-second scheduler would need nine seconds for them.
            assertTrue(tenRuns.await(5, TimeUnit.SECONDS), "only " + runs.get() + " runs");
        }
        int afterClose = runs.get();
        Thread.sleep(100);
        assertEquals(afterClose, runs.get(), "no run after close");
    }

    @Test
    void aWakeBringsARunAtOnceInsteadOfAfterTheInterval() throws Exception {
        Semaphore runs = new Semaphore(0);
        // An hour's interval: without the wake the second run would not come while the test waits.
        try (PollingLoop loop = PollingLoop.start("test-loop", Duration.ZERO, Duration.ofHours(1), runs::release)) {
            assertTrue(runs.tryAcquire(5, TimeUnit.SECONDS), "the first run");
            loop.wake();
            assertTrue(runs.tryAcquire(5, TimeUnit.SECONDS), "the run the wake asked for");
        }
    }

    @Test
    void aWakeDuringTheInitialDelayStartsTheFirstRun() throws Exception {
        Semaphore runs = new Semaphore(0);
        try (PollingLoop loop =
                PollingLoop.start("test-loop", Duration.ofHours(1), Duration.ofHours(1), runs::release)) {
            loop.wake();
            assertTrue(runs.tryAcquire(5, TimeUnit.SECONDS), "the run the wake asked for");
        }
    }

    @Test
    void aWakeDuringARunBringsOneMoreRunRightAfterIt() throws Exception {
        CountDownLatch firstRunStarted = new CountDownLatch(1);
        CountDownLatch woken = new CountDownLatch(1);
        Semaphore runsEnded = new Semaphore(0);
        AtomicInteger runs = new AtomicInteger();
        try (PollingLoop loop = PollingLoop.start("test-loop", Duration.ZERO, Duration.ofHours(1), () -> {
            if (runs.incrementAndGet() == 1) {
                firstRunStarted.countDown();
                try {
                    woken.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            runsEnded.release();
        })) {
            assertTrue(firstRunStarted.await(5, TimeUnit.SECONDS), "the first run");
            loop.wake(); // while the first run reads: what it reads may be older than the question
            woken.countDown();
            assertTrue(runsEnded.tryAcquire(2, 5, TimeUnit.SECONDS), "a second run after the one in progress");
        }
        assertEquals(2, runs.get());
    }
}
