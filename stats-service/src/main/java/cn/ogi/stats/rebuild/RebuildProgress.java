package cn.ogi.stats.rebuild;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How far the running rebuild is, or how the last one ended: feed seqs replayed of the seqs to replay, the average
 * rate and the time left at that rate.
 */
@Schema(name = "RebuildProgress", example = """
        {"state": "running", "source": "log", "swap": false, "done": 1200, "total": 5000, "ratePerSecond": 850.0,
         "etaSeconds": 4.5, "elapsedSeconds": 1.4, "startedAt": "2026-12-01T08:00:00Z", "finishedAt": null}""")
public record RebuildProgress(
        @Schema(
                description = "idle (no rebuild since the service started), running, finished or failed",
                enumeration = {"idle", "running", "finished", "failed"})
        String state,

        @Schema(description = "log or feed, as asked; null when idle", nullable = true)
        String source,

        @Schema(description = "swap as asked; null when idle", nullable = true)
        Boolean swap,

        @Schema(description = "the feed seq replayed so far")
        long done,

        @Schema(
                description = "the seq to replay to: the live cursor when the rebuild started, raised to the "
                        + "live cursor of the final, locking step once it runs")
        long total,

        @Schema(description = "seqs replayed per second since the start; null before any time passed", nullable = true)
        Double ratePerSecond,

        @Schema(
                description = "seconds left at that rate; null when not running or while nothing is replayed "
                        + "yet (not known)",
                nullable = true)
        Double etaSeconds,

        @Schema(description = "seconds since the start") double elapsedSeconds,

        @Schema(description = "when the rebuild started; null when idle", nullable = true)
        Instant startedAt,

        @Schema(description = "when it finished or failed; null while running or idle", nullable = true)
        Instant finishedAt) {

    static final RebuildProgress IDLE = new RebuildProgress("idle", null, null, 0, 0, null, null, 0, null, null);
}
