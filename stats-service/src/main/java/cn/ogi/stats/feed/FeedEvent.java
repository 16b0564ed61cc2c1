package cn.ogi.stats.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;

/**
 * One event of reporting-service's change feed, as it comes over the wire; {@code payloadText} is the payload's
 * JSON exactly as received (null when the event was built here), which the event log keeps; {@code traceparent} is
 * the trace of the write that made the event (null when reporting-service kept none), continued by the apply span.
 */
public record FeedEvent(
        long seq,
        String type,
        String key,
        OffsetDateTime recordedAt,
        JsonNode payload,
        String payloadText,
        String traceparent) {

    public static final String JURISDICTION_UPSERTED = "jurisdiction.upserted";
    public static final String AGENCY_UPSERTED = "agency.upserted";
    public static final String REPORT_VERSION_CREATED = "report.version.created";
    public static final String REPORT_APPROVED = "report.approved";
    public static final String REPORT_REOPENED = "report.reopened";

    public FeedEvent(long seq, String type, String key, OffsetDateTime recordedAt, JsonNode payload) {
        this(seq, type, key, recordedAt, payload, null, null);
    }

    /** The payload as JSON text: as received, or written now. */
    public String payloadText(ObjectMapper json) {
        if (payloadText != null) {
            return payloadText;
        }
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
