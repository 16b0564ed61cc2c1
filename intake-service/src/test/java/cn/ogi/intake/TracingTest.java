package cn.ogi.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.intake.outbox.OutboxDelivery;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trace of a submission through intake: the outbox entry keeps the traceparent of the request that got the 202,
 * and the relay's delivery continues that trace — in the traceparent header of a single delivery, in the item of a
 * batch — against the stand-in for reporting-service ({@link FakeReporting}).
 */
@QuarkusTest
@TestProfile(BatchedRelayTest.BatchesOfFour.class)
class TracingTest {

    @Inject
    OutboxDelivery relay;

    @Inject
    TestAgencies agencies;

    @Inject
    InMemorySpanExporter spans;

    @BeforeAll
    static void startReporting() {
        FakeReporting.start();
    }

    @AfterAll
    static void stopReporting() {
        FakeReporting.stop();
    }

    @BeforeEach
    void nothingDue() {
        FakeReporting.batches(FakeReporting.Batches.ANSWERED, 0);
        deliverAll();
    }

    @AfterEach
    void batchesOff() {
        FakeReporting.batches(FakeReporting.Batches.ABSENT, 0);
    }

    @Test
    void theOutboxEntryKeepsTheTraceOfTheRequestAnswered202() {
        String caller = newTraceparent();
        String id = submit(agencies.register("371502"), caller);

        String stored = agencies.text("SELECT traceparent FROM outbox WHERE submission_id = '" + id + "'");
        assertNotNull(stored, "the outbox entry keeps a traceparent");
        assertEquals(traceId(caller), traceId(stored), "the caller's trace");
        SpanData server =
                awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getSpanId().equals(spanId(stored)));
        assertEquals(spanId(caller), server.getParentSpanId(), "intake's request span, a child of the caller's");
        assertEquals(
                202L,
                server.getAttributes().asMap().entrySet().stream()
                        .filter(e -> e.getKey().getKey().equals("http.response.status_code"))
                        .findFirst()
                        .orElseThrow()
                        .getValue());
    }

    @Test
    void aSingleDeliveryCarriesTheSubmissionsTraceInItsHeader() {
        FakeReporting.batches(FakeReporting.Batches.ABSENT, 0);
        String agency = agencies.register("371502");
        String caller = newTraceparent();
        String id = submit(agency, caller);
        String stored = agencies.text("SELECT traceparent FROM outbox WHERE submission_id = '" + id + "'");

        deliverAll();

        List<FakeReporting.Received> received = FakeReporting.receivedFor(agency);
        assertEquals(1, received.size());
        String sent = received.get(0).traceparent();
        assertNotNull(sent, "the delivery carries a traceparent header");
        assertEquals(traceId(caller), traceId(sent));
        SpanData delivery = awaitSpan(s -> s.getName().equals("outbox deliver")
                && id.equals(s.getAttributes().asMap().entrySet().stream()
                        .filter(e -> e.getKey().getKey().equals("ogi.submission.id"))
                        .map(e -> String.valueOf(e.getValue()))
                        .findFirst()
                        .orElse(null)));
        assertEquals(traceId(caller), delivery.getTraceId());
        assertEquals(spanId(stored), delivery.getParentSpanId(), "continues the stored trace");
        SpanData client = awaitSpan(s -> s.getSpanId().equals(spanId(sent)));
        assertEquals(SpanKind.CLIENT, client.getKind(), "the REST client's span, which the header names");
        assertEquals(delivery.getSpanId(), client.getParentSpanId());
    }

    @Test
    void eachItemOfABatchCarriesItsOwnSubmissionsTrace() {
        String first = newTraceparent();
        String second = newTraceparent();
        String firstId = submit(agencies.register("371502"), first);
        String secondId = submit(agencies.register("371502"), second);
        int before = FakeReporting.batchesReceived().size();

        deliverAll();

        List<FakeReporting.Received> batch = FakeReporting.batchesReceived().get(before);
        assertEquals(
                List.of(firstId, secondId),
                batch.stream().map(FakeReporting.Received::deliveryKey).toList());
        assertEquals(traceId(first), traceId(batch.get(0).traceparent()));
        assertEquals(traceId(second), traceId(batch.get(1).traceparent()));
        assertNotEquals(
                traceId(batch.get(0).traceparent()), traceId(batch.get(1).traceparent()));
        SpanData delivery =
                awaitSpan(s -> s.getSpanId().equals(spanId(batch.get(1).traceparent())));
        assertEquals("outbox deliver", delivery.getName());
        SpanData call = awaitSpan(s -> s.getName().equals("outbox deliver-batch")
                && s.getLinks().stream()
                        .anyMatch(l -> l.getSpanContext().getSpanId().equals(delivery.getSpanId())));
        assertTrue(call.getLinks().size() >= 2, "the call is linked to each delivery");
    }

    /** A traceparent as a municipal system sending its own trace would (sampled). */
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

    private String submit(String agency, String traceparent) {
        String location = given().contentType(ContentType.JSON)
                .header("traceparent", traceparent)
                .body(TestReports.json(TestReports.balanced(agency, 2023)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private void deliverAll() {
        try {
            // on a thread of its own, as the relay runs
            CompletableFuture.runAsync(() -> {
                        while (relay.deliverNext()) {
                            // until no entry is due
                        }
                    })
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
