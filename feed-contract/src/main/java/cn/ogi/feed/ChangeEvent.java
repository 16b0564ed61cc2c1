package cn.ogi.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One event of the change feed. {@code type} is a {@link ChangeType} wire name, kept as the string that came (a
 * consumer older than the producer skips a type it does not know instead of failing the page); {@code payload} is
 * the record of that type ({@link ChangeType#payload()}), read with {@link #payloadAs}. {@code traceparent} is the
 * W3C trace context of the write that made the event, absent with tracing off.
 *
 * <p>{@code payloadText} is not on the wire: it is the payload's JSON exactly as a consumer received it, when it read
 * the page with {@link ChangePages#read} (null otherwise), so that a consumer that stores events keeps that text
 * instead of writing every payload out again.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangeEvent(
        long seq,
        String type,
        String key,
        OffsetDateTime recordedAt,
        JsonNode payload,
        @JsonInclude(JsonInclude.Include.NON_NULL) String traceparent,
        @JsonIgnore String payloadText) {

    /** An event as a producer writes it. */
    public ChangeEvent(
            long seq, String type, String key, OffsetDateTime recordedAt, JsonNode payload, String traceparent) {
        this(seq, type, key, recordedAt, payload, traceparent, null);
    }

    /** An event without trace context. */
    public ChangeEvent(long seq, String type, String key, OffsetDateTime recordedAt, JsonNode payload) {
        this(seq, type, key, recordedAt, payload, null, null);
    }

    /** The event's type; empty for a wire name this version does not know. */
    public Optional<ChangeType> changeType() {
        return ChangeType.ofWireName(type);
    }

    /**
     * The payload as the record of its type; empty when the event has none (a JSON null or no payload).
     *
     * @throws IllegalArgumentException when the payload is not that record's JSON (a field of the wrong JSON type)
     */
    public <T extends Record> Optional<T> payloadAs(ObjectMapper json, Class<T> record) {
        if (payload == null || payload.isNull() || payload.isMissingNode()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.treeToValue(payload, record));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "event " + seq + " (" + type + "): the payload is not a " + record.getSimpleName() + ": "
                            + e.getOriginalMessage(),
                    e);
        }
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
