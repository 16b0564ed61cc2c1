package cn.ogi.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs one task again and again on its own daemon thread, waiting {@code interval} between the end of a run
 * and the start of the next (never two runs at once), or less when {@link #wake()} asks for a run now. For the
 * loops that must react in well under a second — intake's outbox relay and directory follower, stats' change-feed
 * consumer: Quarkus' built-in scheduler checks its triggers once a second, so an {@code @Scheduled(every = "0.2s")}
 * runs at best once a second, and it cannot be woken. A run that throws is logged and the loop goes on.
 */
public final class PollingLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PollingLoop.class);

    private final String name;
    private final Duration interval;
    private final Runnable task;
    private final Thread thread;

    /** Wakes asked for since the current run started; any number of them brings one run. */
    private final Semaphore woken = new Semaphore(0);

    private volatile boolean closed;

    private PollingLoop(String name, Duration initialDelay, Duration interval, Runnable task) {
        this.name = name;
        this.interval = interval;
        this.task = task;
        this.thread = new Thread(() -> loop(initialDelay), name);
        thread.setDaemon(true);
    }

    /** Starts the loop: the first run after {@code initialDelay}, then {@code interval} after each run ends. */
    public static PollingLoop start(String name, Duration initialDelay, Duration interval, Runnable task) {
        PollingLoop loop = new PollingLoop(name, initialDelay, interval, task);
        loop.thread.start();
        return loop;
    }

    /**
     * Asks for a run now instead of at the end of the wait (or of the initial delay). A run in progress is not
     * disturbed: the next one starts as soon as it ends, so a run always starts after the wake.
     */
    public void wake() {
        woken.release();
    }

    private void loop(Duration initialDelay) {
        try {
            pause(initialDelay);
            while (!closed) {
                woken.drainPermits(); // the wakes asked so far are answered by this run
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.errorf(e, "%s: a run failed; the next one starts in %s", name, interval);
                }
                pause(interval);
            }
        } catch (InterruptedException e) {
            // closed: the thread ends
        }
    }

    /** Waits {@code wait}, or until woken; a wake is left for the run it brings to take. */
    private void pause(Duration wait) throws InterruptedException {
        if (woken.tryAcquire(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS)) {
            woken.release();
        }
    }

    /** Stops the loop, interrupting a run in progress, and waits up to 10 s for it to end. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            if (thread.isAlive()) {
                LOG.warnf("%s: still running 10 s after it was asked to stop", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
