package cn.ogi.progress;

import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The progress of one long job — done / total, rate and time left — as the demo loader, the benchmarks and the
 * stats rebuild report it. On a terminal it redraws one line ({@code \r}) at most every {@link #REDRAW}; in a log
 * (standard output redirected, or a service's logger) it writes a whole line at most every {@code every}. The
 * first and the last update are always written. Thread-safe: the job updates, anyone may take a {@link Snapshot}.
 *
 * <p>The rate is the average since the start (an honest figure for jobs whose speed does not change much, and one
 * that a reader can check: done / elapsed); the time left is what is left at that rate, unknown while nothing is
 * done.
 */
public final class Progress {

    /** How often a terminal's line is redrawn at most. */
    static final Duration REDRAW = Duration.ofMillis(200);
    /** How often a line is written to a log at most, unless told otherwise. */
    public static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final String label;
    private final String unit;
    private final Consumer<String> out;
    private final boolean terminal;
    private final long intervalNanos;
    private final LongSupplier clock;
    /** Not {@code this}: a caller's own synchronizing on the object cannot block the job. */
    private final Object lock = new Object();

    private final long started;
    private long total;
    private long done;
    private String detail = "";
    private long lastWritten;
    private boolean anyWritten;
    private boolean finished;
    /** The clock when the job finished: a finished job's figures stay as they were then. */
    private long finishedAt;

    private int drawnWidth;

    Progress(
            String label,
            String unit,
            long total,
            Consumer<String> out,
            boolean terminal,
            Duration interval,
            LongSupplier clock) {
        this.label = label;
        this.unit = unit;
        this.total = Math.max(0, total);
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.started = clock.getAsLong();
    }

    /**
     * Progress on standard output: a redrawn line when it is a terminal ({@link System#console()}), a line every
     * {@link #LOG_EVERY} otherwise (a log file, a CI job, a pipe).
     */
    public static Progress onConsole(String label, String unit, long total) {
        PrintStream stdout = System.out;
        boolean terminal = onTerminal(System.getenv("OGI_PROGRESS"));
        Consumer<String> out = terminal
                ? s -> {
                    stdout.print(s);
                    stdout.flush();
                }
                : stdout::println;
        return new Progress(label, unit, total, out, terminal, terminal ? REDRAW : LOG_EVERY, System::nanoTime);
    }

    /**
     * Whether standard output is a terminal: {@code OGI_PROGRESS=terminal} or {@code lines} says so; otherwise the
     * JVM's console (on Java 22 and newer it always has one, and {@code isTerminal()} tells).
     */
    @SuppressWarnings("SystemConsoleNull") // null is only one answer: isTerminal() covers Java 22 and newer
    static boolean onTerminal(String setting) {
        if ("terminal".equals(setting) || "lines".equals(setting)) {
            return "terminal".equals(setting);
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // before Java 22 there is a console only on a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /**
     * Progress written as whole lines, without their line end, to {@code log} (e.g. a logger's info), at most one
     * every {@code every}.
     */
    public static Progress toLog(String label, String unit, long total, Consumer<String> log, Duration every) {
        return new Progress(label, unit, total, log, false, every, System::nanoTime);
    }

    /** Progress that writes nothing: its {@link #snapshot()} is all (e.g. an endpoint's answer). */
    public static Progress silent(String label, String unit, long total) {
        return new Progress(label, unit, total, s -> {}, false, Duration.ofDays(365), System::nanoTime);
    }

    /** {@code n} more done. */
    public void advance(long n) {
        synchronized (lock) {
            update(done + n);
        }
    }

    /** Done so far (never goes back: a smaller figure is ignored). */
    public void update(long done) {
        synchronized (lock) {
            update(done, detail);
        }
    }

    /** Done so far and a short note shown after the figures (e.g. what is still to deliver). */
    public void update(long done, String detail) {
        synchronized (lock) {
            this.done = Math.max(this.done, done);
            this.detail = detail == null ? "" : detail;
            write(false);
        }
    }

    /** The total, when it is only known (or grows) as the job goes. */
    public void total(long total) {
        synchronized (lock) {
            this.total = Math.max(0, total);
        }
    }

    /** Writes the last line (a terminal's line ends); later updates write nothing. */
    public void finish() {
        synchronized (lock) {
            if (!finished) {
                finishedAt = clock.getAsLong();
                write(true);
                finished = true;
            }
        }
    }

    public Snapshot snapshot() {
        synchronized (lock) {
            return snapshotHeld();
        }
    }

    private Snapshot snapshotHeld() {
        long elapsed = Math.max(0, (finished ? finishedAt : clock.getAsLong()) - started);
        double seconds = elapsed / 1e9;
        Double rate = seconds > 0 ? done / seconds : null;
        Double eta = rate == null || rate <= 0 ? null : Math.max(0, total - done) / rate;
        return new Snapshot(done, total, rate, eta, Duration.ofNanos(elapsed), finished);
    }

    private void write(boolean last) {
        if (finished) {
            return;
        }
        long now = clock.getAsLong();
        if (!last && anyWritten && now - lastWritten < intervalNanos) {
            return;
        }
        lastWritten = now;
        anyWritten = true;
        String line = label + ": " + snapshotHeld().describe(unit) + (detail.isEmpty() ? "" : ", " + detail);
        if (terminal) {
            // pad over what the previous, longer line left on the screen
            String padding = " ".repeat(Math.max(0, drawnWidth - line.length()));
            drawnWidth = line.length();
            out.accept("\r" + line + padding + (last ? "\n" : ""));
        } else {
            out.accept(line);
        }
    }

    /**
     * Where a job is: done of total, the average rate per second since the start (null before any time passed),
     * the seconds left at that rate (null while the rate is 0: not known), the time since the start, and whether
     * the job has finished.
     */
    public record Snapshot(
            long done, long total, Double ratePerSecond, Double etaSeconds, Duration elapsed, boolean finished) {

        /** "1,200/5,000 reports (24%), 310 reports/s, 3.9 s elapsed, 12 s left". */
        public String describe(String unit) {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "%,d/%,d %s", done, total, unit));
            if (total > 0) {
                s.append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, done * 100 / total)));
            }
            s.append(", ")
                    .append(ratePerSecond == null ? "?" : rate(ratePerSecond))
                    .append(' ')
                    .append(unit)
                    .append("/s, ")
                    .append(duration(elapsed.toMillis() / 1000.0))
                    .append(" elapsed");
            if (finished || done >= total) {
                s.append(", done");
            } else {
                s.append(", ").append(etaSeconds == null ? "time left unknown" : duration(etaSeconds) + " left");
            }
            return s.toString();
        }
    }

    static String rate(double perSecond) {
        return perSecond >= 100
                ? String.format(Locale.ROOT, "%,.0f", perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /** 4.2 s, 3 min 05 s, 1 h 02 min. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }
}
