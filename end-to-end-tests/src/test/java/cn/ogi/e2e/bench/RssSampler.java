package cn.ogi.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Samples a process's resident set (VmRSS of /proc/PID/status) every 200 ms, keeping the largest value seen. */
final class RssSampler implements AutoCloseable {

    private final Path status;
    private final Thread thread;
    private volatile long maxKb;
    private volatile boolean running = true;

    RssSampler(long pid) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
        this.thread = new Thread(this::sample, "rss-sampler-" + pid);
        thread.setDaemon(true);
        thread.start();
    }

    /** The largest resident set since the start or the last reset, in MiB (0 when /proc is not there). */
    long maxMb() {
        return Math.round(maxKb / 1024.0);
    }

    void reset() {
        maxKb = current();
    }

    private void sample() {
        while (running) {
            long kb = current();
            if (kb > maxKb) {
                maxKb = kb;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long current() {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone, or this is not Linux
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
