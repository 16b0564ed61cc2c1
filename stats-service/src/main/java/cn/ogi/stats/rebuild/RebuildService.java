package cn.ogi.stats.rebuild;

import cn.ogi.feed.ChangeEvent;
import cn.ogi.feed.ChangePage;
import cn.ogi.progress.Progress;
import cn.ogi.stats.feed.FeedSource;
import cn.ogi.stats.feed.ReportingFeed;
import cn.ogi.stats.memory.LiveModel;
import cn.ogi.stats.memory.MemoryModel;
import cn.ogi.stats.memory.ModelLoader;
import cn.ogi.stats.metrics.StatsMetrics;
import cn.ogi.stats.model.ReadModelWriter;
import cn.ogi.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Rebuilds the read model from seq 0 into a shadow schema with the very code the consumer runs (the
 * transaction's search_path points at the shadow tables), then compares it with the live tables.
 * <ol>
 *   <li>replay, in batches and without blocking the consumer, every event up to the live cursor;</li>
 *   <li>lock the live cursor (the consumer waits), replay what the consumer applied meanwhile, compare
 *       table by table (rollups cell by cell), and with {@code swap=true} copy the shadow tables over the
 *       live ones when they differ — all in that one transaction.</li>
 * </ol>
 * The shadow schema is dropped afterwards unless differences were found and left in place for inspection.
 */
@ApplicationScoped
public class RebuildService {

    public enum Source {
        LOG,
        FEED
    }

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    static final String SHADOW = "stats_shadow";
    /** The read-model tables, in dependency-free order; feed_cursor is the shadow's own cursor. */
    static final List<String> TABLES = List.of("jurisdiction", "agency", "report", "report_finding", "rollup");

    @Inject
    ShadowSchema shadowSchema;

    @Inject
    ReadModelWriter writer;

    @Inject
    ReportingFeed reporting;

    @Inject
    LiveModel live;

    @Inject
    StatsMetrics metrics;

    @Inject
    ModelLoader loader;

    /** The replay's batch size; the final, locking transaction may take long on a whole province. */
    @Inject
    RebuildSettings settings;

    private final AtomicBoolean running = new AtomicBoolean();

    /** The running rebuild's progress, or the last one's; null when none ran since the service started. */
    private volatile Tracked tracked;

    /** One rebuild's progress and what it was asked. */
    private record Tracked(
            String source, boolean swap, Progress progress, Instant startedAt, String state, Instant finishedAt) {

        Tracked ended(String state) {
            progress.finish();
            return new Tracked(source, swap, progress, startedAt, state, Instant.now());
        }
    }

    public RebuildResult rebuild(Source source, boolean swap) {
        if (!running.compareAndSet(false, true)) {
            throw ProblemException.conflict("rebuild-running", "A rebuild is already running in this instance");
        }
        long started = System.nanoTime();
        String outcome = StatsMetrics.FAILED;
        String name = source.name().toLowerCase(java.util.Locale.ROOT);
        // the log gets a line every few seconds (and the first and last); the endpoint reads the same figures
        Progress progress = Progress.toLog("stats rebuild (" + name + ")", "seq", 0, LOG::info, Progress.LOG_EVERY);
        tracked = new Tracked(name, swap, progress, Instant.now(), "running", null);
        try {
            RebuildResult result = run(source, swap, progress);
            outcome = result.equal()
                    ? StatsMetrics.EQUAL
                    : result.swapped() ? StatsMetrics.SWAPPED : StatsMetrics.DIFFERENT;
            return result;
        } finally {
            tracked = tracked.ended(outcome.equals(StatsMetrics.FAILED) ? "failed" : "finished");
            running.set(false);
            metrics.rebuilt(
                    source.name().toLowerCase(java.util.Locale.ROOT),
                    outcome,
                    java.time.Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The running rebuild's progress, or how the last one ended ({@code idle} when none ran). */
    public RebuildProgress progress() {
        Tracked now = tracked;
        if (now == null) {
            return RebuildProgress.IDLE;
        }
        Progress.Snapshot at = now.progress().snapshot();
        boolean isRunning = now.state().equals("running");
        return new RebuildProgress(
                now.state(),
                now.source(),
                now.swap(),
                at.done(),
                at.total(),
                at.ratePerSecond(),
                isRunning ? at.etaSeconds() : null,
                at.elapsed().toMillis() / 1000.0,
                now.startedAt(),
                now.finishedAt());
    }

    private RebuildResult run(Source source, boolean swap, Progress reporter) {
        long started = System.currentTimeMillis();
        String live = QuarkusTransaction.requiringNew().call(shadowSchema::prepare);
        FeedSource feed = source == Source.LOG ? shadowSchema.log(live) : reporting.pages();
        long target = writer.cursor();
        reporter.total(target);
        long[] progress = {0, 0}; // seq reached, events replayed
        MemoryModel shadow = loader.empty(this.live.rules());
        replay(feed, shadow, progress, target, false, live, reporter);
        RebuildResult result = QuarkusTransaction.requiringNew()
                .timeout(settings.timeoutSeconds())
                .call(() -> {
                    long liveSeq = shadowSchema.lockCursor(live);
                    reporter.total(liveSeq);
                    replay(feed, shadow, progress, liveSeq, true, live, reporter);
                    reporter.update(liveSeq, "comparing");
                    Map<String, Long> differences = shadowSchema.compare(live);
                    // The model in memory must equal the live tables it was maintained beside (before any swap).
                    MemoryModel fromTables = loader.load(this.live.rules());
                    differences.put("memory", this.live.read(m -> m.differences(fromTables)));
                    boolean equal = differences.values().stream().allMatch(n -> n == 0);
                    List<RebuildResult.RollupDifference> sample = equal ? List.of() : shadowSchema.rollupSample(live);
                    boolean swapped = false;
                    if (swap && !equal) {
                        shadowSchema.copyInto(live);
                        swapped = true;
                        LOG.warnf("rebuild found differences %s and replaced the live read model", differences);
                    }
                    if (equal || swapped) {
                        shadowSchema.drop();
                    }
                    return new RebuildResult(
                            source.name().toLowerCase(java.util.Locale.ROOT),
                            liveSeq,
                            progress[1],
                            equal,
                            differences,
                            sample,
                            swapped,
                            System.currentTimeMillis() - started);
                });
        // Queries answer from the tables as the rebuild left them (swapped, or as they were).
        this.live.reload();
        return result;
    }

    /** Replays events up to {@code target} into the shadow; in its own transactions unless {@code inCaller}. */
    private void replay(
            FeedSource feed,
            MemoryModel shadow,
            long[] progress,
            long target,
            boolean inCaller,
            String live,
            Progress reporter) {
        while (progress[0] < target) {
            ChangePage page = feed.page(progress[0], settings.batchSize());
            List<ChangeEvent> events =
                    page.events().stream().filter(e -> e.seq() <= target).toList();
            if (events.isEmpty()) {
                break;
            }
            Runnable apply = () -> {
                shadowSchema.searchPath(SHADOW);
                progress[1] += writer.replay(shadow, events);
                shadowSchema.searchPath(live);
            };
            if (inCaller) {
                apply.run();
            } else {
                QuarkusTransaction.requiringNew()
                        .timeout(settings.timeoutSeconds())
                        .run(apply);
            }
            progress[0] = events.get(events.size() - 1).seq();
            reporter.update(progress[0], progress[1] + " events");
        }
    }
}
