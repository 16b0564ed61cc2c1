package cn.ogi.reporting.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event of the change feed. The payload's shape depends on the type (see the README). */
@Schema(name = "ChangeEvent", example = """
        {"seq": 42, "type": "agency.upserted", "key": "11371500MB28532216", "recordedAt": "2026-01-20T08:00:00Z",
         "payload": {"code": "11371500MB28532216", "name": "聊城市市场监督管理局", "kind": "department",
                     "jurisdiction": "371500", "reportsFrom": 2019, "reportsUntil": null}}""")
public record ChangeEventView(
        long seq,
        String type,
        String key,
        OffsetDateTime recordedAt,
        JsonNode payload,

        @Schema(
                description = "The W3C traceparent (Trace Context) of the span that wrote the event — the "
                        + "delivery of the version, the approval, the registry change — for a consumer's "
                        + "span to continue that trace. Absent with tracing off and for events written "
                        + "before it was kept",
                example = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String traceparent) {

    public ChangeEventView(long seq, String type, String key, OffsetDateTime recordedAt, JsonNode payload) {
        this(seq, type, key, recordedAt, payload, null);
    }
}
