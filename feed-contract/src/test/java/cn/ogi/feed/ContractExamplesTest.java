package cn.ogi.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples are the records' JSON: each reads into the record of its type and is written back with the same
 * fields and JSON types, so that checking a producer against the examples checks it against the records.
 */
class ContractExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyEventTypeHasAnExampleThatIsItsRecordsJson() throws Exception {
        for (ChangeType type : ChangeType.values()) {
            ObjectNode example = ContractExamples.event(type);
            assertEquals(type.wireName(), example.get("type").asText());
            ChangeEvent event = JSON.treeToValue(example, ChangeEvent.class);
            assertEquals(type, event.changeType().orElseThrow());
            Record payload = event.payloadAs(JSON, type.payload()).orElseThrow();

            JsonNode written = JSON.valueToTree(new ChangeEvent(
                    event.seq(),
                    event.type(),
                    event.key(),
                    event.recordedAt(),
                    JSON.valueToTree(payload),
                    event.traceparent()));
            assertEquals(List.of(), JsonShape.differences(example, written), type.wireName());
            assertEquals(JsonShape.of(example).keySet(), JsonShape.of(written).keySet(), type.wireName());
        }
    }

    @Test
    void theExamplesGiveEveryFieldAJsonType() {
        for (ChangeType type : ChangeType.values()) {
            Map<String, String> shape = JsonShape.of(ContractExamples.event(type));
            assertFalse(shape.containsValue("null"), type.wireName() + ": a null in the example has no type: " + shape);
        }
        assertFalse(JsonShape.of(ContractExamples.versionReceipt()).containsValue("null"));
    }

    @Test
    void thePageAndTheReceiptAreTheirRecordsJson() throws Exception {
        ChangePage page = JSON.treeToValue(ContractExamples.page(), ChangePage.class);
        assertEquals(1, page.events().size());
        assertEquals(
                JsonShape.of(ContractExamples.page()),
                JsonShape.of(JSON.valueToTree(page)),
                "the page written back has the example's shape");
        VersionReceipt receipt = JSON.treeToValue(ContractExamples.versionReceipt(), VersionReceipt.class);
        assertEquals(JsonShape.of(ContractExamples.versionReceipt()), JsonShape.of(JSON.valueToTree(receipt)));
    }

    @Test
    void aPageOfEveryEventReadsBackWithEachPayloadInItsRecord() {
        ChangePage page = ChangePages.read(JSON, ContractExamples.pageOfEveryEvent(100));
        assertEquals(ChangeType.values().length, page.events().size());
        assertEquals(100 + ChangeType.values().length, page.lastSeq());
        for (ChangeEvent event : page.events()) {
            ChangeType type = event.changeType().orElseThrow();
            assertNotNull(event.payloadAs(JSON, type.payload()).orElseThrow());
            assertNotNull(event.payloadText());
        }
        ReportVersionCreated version =
                page.events().get(2).payloadAs(JSON, ReportVersionCreated.class).orElseThrow();
        assertEquals(
                14,
                version.report()
                        .path("applications")
                        .path("newReceived")
                        .path("total")
                        .asInt());
        assertEquals("text/plain; charset=utf-8", version.original().mediaType());
    }

    @Test
    void anUnknownTypeIsEmptyAndAPayloadOfWrongTypesIsRefusedWithWhere() {
        ChangeEvent unknown = new ChangeEvent(1, "report.archived", "k", null, JSON.createObjectNode());
        assertTrue(unknown.changeType().isEmpty());
        assertEquals(ChangeType.wireNames().size(), ChangeType.values().length);
        ChangeEvent wrong = new ChangeEvent(
                2, "agency.upserted", "k", null, JSON.createObjectNode().put("reportsFrom", "soon"));
        var refused = assertThrows(IllegalArgumentException.class, () -> wrong.payloadAs(JSON, AgencyUpserted.class));
        assertTrue(refused.getMessage().contains("event 2 (agency.upserted)"), refused.getMessage());
        assertTrue(new ChangeEvent(3, "agency.upserted", "k", null, null)
                .payloadAs(JSON, AgencyUpserted.class)
                .isEmpty());
    }

    @Test
    void payloadTextIsNotOnTheWire() throws Exception {
        ChangeEvent event = new ChangeEvent(1, "t", "k", null, JSON.createObjectNode(), null, "{}");
        JsonNode written = JSON.valueToTree(event);
        assertFalse(written.has("payloadText"));
        assertFalse(written.has("traceparent"), "absent, not null, without trace context");
        assertEquals("{}", event.payloadText(JSON));
        assertEquals(
                "{\"a\":1}",
                new ChangeEvent(1, "t", "k", null, JSON.createObjectNode().put("a", 1)).payloadText(JSON));
    }
}
