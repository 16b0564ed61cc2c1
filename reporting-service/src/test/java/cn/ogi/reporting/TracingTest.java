package cn.ogi.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.model.AnnualReport;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A version's change event keeps the trace of its delivery: the request's (the traceparent header of a single
 * delivery) or, in a batch, the item's own traceparent — the trace stats-service's apply continues.
 */
@QuarkusTest
class TracingTest {

    @Inject
    InMemorySpanExporter spans;

    String agency;

    @BeforeEach
    void registerAgency() {
        TestRegistry.ensureLiaocheng();
        agency = TestRegistry.newAgency("371502");
    }

    @Test
    void aSingleDeliverysEventCarriesTheTraceOfItsRequest() {
        String caller = newTraceparent();
        long after = latestSeq();
        AnnualReport report = TestReports.balanced2021(agency, 2023).build();
        given().contentType(ContentType.JSON)
                .header("Delivery-Key", java.util.UUID.randomUUID().toString())
                .header("traceparent", caller)
                .body(TestReports.delivery(report))
                .post("/api/v1/reports/" + agency + "/2023/versions")
                .then()
                .statusCode(201);

        String stored = versionEvent(after, agency + "/2023").getString("traceparent");
        assertNotNull(stored, "the event carries a traceparent");
        assertEquals(traceId(caller), traceId(stored));
        SpanData server = awaitSpan(s -> s.getSpanId().equals(spanId(stored)));
        assertEquals(SpanKind.SERVER, server.getKind(), "the delivery's request span");
        assertEquals(spanId(caller), server.getParentSpanId());
    }

    @Test
    void eachVersionOfABatchCarriesItsItemsTrace() {
        String call = newTraceparent();
        String first = newTraceparent();
        String second = newTraceparent();
        long after = latestSeq();
        Map<String, Object> one =
                DeliveryBatchTest.item(TestReports.balanced2021(agency, 2022).build());
        one.put("traceparent", first);
        Map<String, Object> two =
                DeliveryBatchTest.item(TestReports.balanced2021(agency, 2023).build());
        two.put("traceparent", second);
        Map<String, Object> malformed =
                DeliveryBatchTest.item(TestReports.balanced2021(agency, 2021).build());
        malformed.put("traceparent", "00-not-a-trace");
        given().contentType(ContentType.JSON)
                .header("traceparent", call)
                .body(Map.of("deliveries", List.of(one, two, malformed)))
                .post("/api/v1/deliveries")
                .then()
                .statusCode(200);

        for (var expected : List.of(List.of(first, agency + "/2022"), List.of(second, agency + "/2023"))) {
            String stored = versionEvent(after, expected.get(1)).getString("traceparent");
            assertEquals(traceId(expected.get(0)), traceId(stored), "the item's trace: " + expected.get(1));
            SpanData version = awaitSpan(s -> s.getSpanId().equals(spanId(stored)));
            assertEquals("deliver version", version.getName());
            assertEquals(spanId(expected.get(0)), version.getParentSpanId());
            assertTrue(
                    version.getLinks().stream()
                            .anyMatch(l -> l.getSpanContext().getTraceId().equals(traceId(call))),
                    "linked to the batch's request");
        }
        // a malformed traceparent is ignored, as in a header: the version is stored, its event in a trace of its own
        String own = versionEvent(after, agency + "/2021").getString("traceparent");
        assertTrue(own == null || !own.contains("not-a-trace"));
    }

    @Test
    void aLogLineWrittenWhileServingARequestCarriesItsTraceAndSpan() {
        String caller = newTraceparent();
        var context = given().header("traceparent", caller)
                .get("/test/log-context")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertEquals(traceId(caller), context.getString("traceId"), "JSON log lines carry the MDC as fields");
        SpanData server = awaitSpan(s -> s.getSpanId().equals(context.getString("spanId")));
        assertEquals(spanId(caller), server.getParentSpanId(), "the request's span");
    }

    private static long latestSeq() {
        return given().queryParam("limit", 1)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("latestSeq");
    }

    /** The version event of a report key after a seq (the feed as stats-service reads it). */
    private static JsonPath versionEvent(long after, String key) {
        JsonPath page = given().queryParam("after", after)
                .queryParam("limit", 1000)
                .queryParam("types", "report.version.created")
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> keys = page.getList("events.key", String.class);
        int at = keys.indexOf(key);
        assertTrue(at >= 0, "an event for " + key + " after seq " + after);
        return page.setRootPath("events[" + at + "]");
    }

    static String newTraceparent() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(trace);
        ThreadLocalRandom.current().nextBytes(span);
        return "00-" + HexFormat.of().formatHex(trace) + "-" + HexFormat.of().formatHex(span) + "-01";
    }

    static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    static String spanId(String traceparent) {
        return traceparent.substring(36, 52);
    }

    /** Spans are exported in batches (every 50 ms in the tests): the one wanted may take a moment. */
    private SpanData awaitSpan(Predicate<SpanData> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var found = spans.getFinishedSpanItems().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(
                "no such span among " + spans.getFinishedSpanItems().size() + " exported");
    }
}
