package cn.ogi.stats.rebuild;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a rebuild found: how far it replayed, whether the rebuilt model equals the live one, and what it did. */
@Schema(name = "RebuildResult", example = """
        {"source": "log", "replayedToSeq": 1234, "events": 1234, "equal": true,
         "differences": {"jurisdiction": 0, "agency": 0, "report": 0, "report_cell": 0, "report_finding": 0, "rollup": 0},
         "sample": [], "swapped": false, "millis": 840}""")
public record RebuildResult(
        @Schema(description = "log (stats' own event log) | feed (reporting-service's change feed)")
        String source,

        long replayedToSeq,
        long events,
        boolean equal,

        @Schema(description = "rows that differ, per table (rollup: cells whose sums differ, absent = 0)")
        Map<String, Long> differences,

        @Schema(description = "up to 50 differing rollup cells")
        List<RollupDifference> sample,

        @Schema(description = "true when swap=true and the rebuilt tables replaced the live ones")
        boolean swapped,

        long millis) {

    public record RollupDifference(String node, int year, String cell, BigDecimal live, BigDecimal rebuilt) {}
}
