package cn.ogi.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link ChangePage} from the bytes of its answer, keeping each event's payload also as the text it came as
 * ({@link ChangeEvent#payloadText()}): a consumer that stores events stores that text instead of writing every
 * payload out again. Fields it does not know are skipped, as Jackson's binding of the records would.
 */
public final class ChangePages {

    private ChangePages() {}

    public static ChangePage read(ObjectMapper json, byte[] body) {
        try (JsonParser p = json.createParser(body)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            long after = 0;
            long last = 0;
            long latest = 0;
            List<ChangeEvent> events = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "after" -> after = p.getLongValue();
                    case "lastSeq" -> last = p.getLongValue();
                    case "latestSeq" -> latest = p.getLongValue();
                    case "events" -> {
                        if (value == JsonToken.START_ARRAY) {
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                events.add(event(p, body));
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return new ChangePage(after, events, last, latest);
        } catch (IOException e) {
            throw new UncheckedIOException("the change feed's page is not the JSON it should be: " + e.getMessage(), e);
        }
    }

    private static ChangeEvent event(JsonParser p, byte[] body) throws IOException {
        long seq = 0;
        String type = null;
        String key = null;
        OffsetDateTime recordedAt = null;
        JsonNode payload = null;
        String payloadText = null;
        String traceparent = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "seq" -> seq = p.getLongValue();
                case "type" -> type = value == JsonToken.VALUE_NULL ? null : p.getText();
                case "key" -> key = value == JsonToken.VALUE_NULL ? null : p.getText();
                case "traceparent" -> traceparent = value == JsonToken.VALUE_NULL ? null : p.getText();
                case "recordedAt" ->
                    recordedAt = value == JsonToken.VALUE_NULL ? null : OffsetDateTime.parse(p.getText());
                case "payload" -> {
                    int start = (int) p.currentTokenLocation().getByteOffset();
                    payload = p.readValueAsTree();
                    int end = (int) p.currentLocation().getByteOffset();
                    payloadText = new String(body, start, end - start, StandardCharsets.UTF_8);
                }
                default -> p.skipChildren();
            }
        }
        return new ChangeEvent(seq, type, key, recordedAt, payload, traceparent, payloadText);
    }

    private static void expect(JsonToken got, JsonToken wanted) throws IOException {
        if (got != wanted) {
            throw new IOException("expected " + wanted + ", got " + got);
        }
    }
}
