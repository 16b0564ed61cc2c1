package cn.ogi.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The contract's examples (this module's test-jar, {@code cn/ogi/feed/examples/}): one event per {@link ChangeType},
 * a page and a receipt. The producer's contract test checks that what reporting-service serves has their fields and
 * JSON types ({@link JsonShape}); each consumer's contract test feeds them to its real consumer code.
 */
public final class ContractExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractExamples() {}

    /** The example event of this type (a fresh copy: callers may change it). */
    public static ObjectNode event(ChangeType type) {
        return (ObjectNode) read(type.wireName() + ".json");
    }

    /** The example page (its envelope; one event). */
    public static ObjectNode page() {
        return (ObjectNode) read("page.json");
    }

    /** The example answer to a delivery. */
    public static ObjectNode versionReceipt() {
        return (ObjectNode) read("version-receipt.json");
    }

    /**
     * A page of every example event, in {@link ChangeType} order, numbered after {@code after} (so that a consumer
     * whose cursor is there applies them all), as the bytes a consumer receives.
     */
    public static byte[] pageOfEveryEvent(long after) {
        return pageOf(after, ChangeType.values());
    }

    /** A page of the examples of these types, in this order, numbered after {@code after}. */
    public static byte[] pageOf(long after, ChangeType... types) {
        ObjectNode page = page();
        ArrayNode events = page.putArray("events");
        long seq = after;
        for (ChangeType type : types) {
            events.add(event(type).put("seq", ++seq));
        }
        page.put("after", after).put("lastSeq", seq).put("latestSeq", seq);
        return bytes(page);
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String name) {
        String resource = "/cn/ogi/feed/examples/" + name;
        try (InputStream in = ContractExamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no contract example " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
