package cn.ogi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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
}
