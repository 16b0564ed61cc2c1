package cn.ogi.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** A page read from its bytes gives the events, each payload also as the exact text it came as. */
class ChangePagesTest {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void readsTheEventsAndKeepsEachPayloadAsItsOwnText() throws Exception {
        String first = "{\"code\": \"371500\",  \"name\": \"聊城市\", \"nested\": {\"a\": [1, 2.50]}}";
        String body = "{\"after\": 10, \"unknown\": {\"x\": [1]}, \"events\": ["
                + "{\"seq\": 11, \"type\": \"jurisdiction.upserted\", \"key\": \"371500\","
                + " \"recordedAt\": \"2026-01-20T08:00:00Z\", \"payload\": " + first + ", \"extra\": 1},"
                + "{\"seq\": 12, \"type\": \"report.approved\", \"key\": null, \"recordedAt\": null, \"payload\": null}"
                + "], \"lastSeq\": 12, \"latestSeq\": 40}";

        ChangePage page = ChangePages.read(JSON, body.getBytes(StandardCharsets.UTF_8));

        assertEquals(10, page.after());
        assertEquals(12, page.lastSeq());
        assertEquals(40, page.latestSeq());
        assertEquals(2, page.events().size());
        ChangeEvent e = page.events().get(0);
        assertEquals(11, e.seq());
        assertEquals("jurisdiction.upserted", e.type());
        assertEquals(OffsetDateTime.parse("2026-01-20T08:00:00Z"), e.recordedAt());
        assertEquals(first, e.payloadText(), "the payload's text exactly as it came, Chinese included");
        assertEquals("聊城市", e.payload().get("name").asText());
        assertEquals(1, e.payload().get("nested").get("a").get(0).asInt());
        assertEquals(
                0,
                new BigDecimal("2.5")
                        .compareTo(e.payload().get("nested").get("a").get(1).decimalValue()));
        ChangeEvent second = page.events().get(1);
        assertNull(second.key());
        assertEquals("null", second.payloadText());
    }
}
