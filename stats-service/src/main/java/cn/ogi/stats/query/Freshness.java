package cn.ogi.stats.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far behind reporting-service the read model is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Freshness", example = """
        {"asOfSeq": 1234, "lastAppliedSeq": 1234, "latestSeq": 1240, "lag": 6, "latestSeqSource": "lastPage",
         "lastPolledAt": "2026-02-01T08:00:02Z", "lastAppliedAt": "2026-02-01T08:00:02Z", "consumerEnabled": true}""")
public record Freshness(
        long asOfSeq,
        long lastAppliedSeq,

        @Schema(description = "reporting-service's newest seq: from the last page fetched, or asked now with live=true")
        long latestSeq,

        long lag,
        @Schema(description = "lastPage | live") String latestSeqSource,
        OffsetDateTime lastPolledAt,
        OffsetDateTime lastAppliedAt,
        boolean consumerEnabled,

        @Schema(description = "why a live=true call could not reach reporting-service")
        String liveError) {}
