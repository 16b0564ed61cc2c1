package cn.ogi.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.intake.outbox.OutboxDelivery;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay's batched delivery against a stand-in for reporting-service ({@link FakeReporting}): several submissions
 * per call, each settled by its own outcome; a call cut off without an answer leaves every one of them to be sent
 * again under the same delivery keys; no batch endpoint means one call per submission; two relays at once claim
 * disjoint entries.
 */
@QuarkusTest
@TestProfile(BatchedRelayTest.BatchesOfFour.class)
class BatchedRelayTest {

    /** The relay's REST client pointed at the fake, four entries per batch (the relay stays off: the test drives it). */
    public static class BatchesOfFour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.rest-client.reporting.url",
                    "http://localhost:" + FakeReporting.PORT,
                    "intake.relay.batch-size",
                    "4",
                    "intake.relay.batch-probe-interval",
                    "PT0S");
        }
    }

    @Inject
    OutboxDelivery relay;

    @Inject
    TestAgencies agencies;

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
    void eachSubmissionOfABatchIsSettledByItsOwnOutcome() {
        String delivered = agencies.register("371502");
        String locked = agencies.register("371502");
        String unsettled = agencies.register("371502");
        String alsoDelivered = agencies.register("371502");
        FakeReporting.lock(locked);
        FakeReporting.leaveUnsettled(unsettled);
        List<String> ids = new ArrayList<>();
        for (String agency : List.of(delivered, locked, unsettled, alsoDelivered)) {
            ids.add(submit(agency));
        }
        int before = FakeReporting.batchesReceived().size();

        assertTrue(outsideRequest(relay::deliverNext));

        List<List<FakeReporting.Received>> batches = FakeReporting.batchesReceived();
        assertEquals(before + 1, batches.size(), "one call");
        assertEquals(
                ids,
                batches.get(before).stream()
                        .map(FakeReporting.Received::deliveryKey)
                        .toList());
        assertEquals("DELIVERED", status(ids.get(0)));
        assertEquals("REJECTED", status(ids.get(1)));
        assertEquals(
                1,
                agencies.count("SELECT count(*) FROM submission WHERE id = '" + ids.get(1)
                        + "' AND rejection LIKE '%approved and locked%'"));
        assertEquals("RECEIVED", status(ids.get(2)));
        assertEquals(
                1,
                agencies.count("SELECT count(*) FROM outbox WHERE submission_id = '" + ids.get(2)
                        + "' AND attempts = 1 AND last_error LIKE '%503%'"));
        assertEquals("DELIVERED", status(ids.get(3)));
        assertEquals(
                0,
                agencies.count("SELECT count(*) FROM outbox WHERE submission_id IN ('" + ids.get(0) + "', '"
                        + ids.get(1) + "', '" + ids.get(3) + "')"));

        // the one left over is delivered by a later attempt, under its own key
        FakeReporting.settle(unsettled);
        makeDue();
        deliverAll();
        assertEquals("DELIVERED", status(ids.get(2)));
    }

    @Test
    void aBatchCutOffWithoutAnAnswerIsSentAgainUnderTheSameKeysAndNothingIsLost() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(submit(agencies.register("371502")));
        }
        FakeReporting.batches(FakeReporting.Batches.CUT_OFF, 0);

        outsideRequest(relay::deliverNext);

        for (String id : ids) {
            assertEquals("RECEIVED", status(id), "not settled without an answer");
        }
        assertEquals(
                3,
                agencies.count("SELECT count(*) FROM outbox WHERE submission_id IN ('" + String.join("', '", ids)
                        + "') AND attempts = 1"));
        List<FakeReporting.Received> cut = last(FakeReporting.batchesReceived());

        FakeReporting.batches(FakeReporting.Batches.ANSWERED, 0);
        makeDue();
        deliverAll();

        for (String id : ids) {
            assertEquals("DELIVERED", status(id));
        }
        assertEquals(
                cut.stream().map(FakeReporting.Received::deliveryKey).toList(),
                last(FakeReporting.batchesReceived()).stream()
                        .map(FakeReporting.Received::deliveryKey)
                        .toList(),
                "the same delivery keys: reporting-service answers a replay with the versions it made");
    }

    @Test
    void withoutTheBatchEndpointEachSubmissionIsDeliveredByItself() {
        FakeReporting.batches(FakeReporting.Batches.ABSENT, 0);
        List<String> agencyCodes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            agencyCodes.add(agencies.register("371502"));
            ids.add(submit(agencyCodes.get(i)));
        }

        deliverAll();

        for (int i = 0; i < 3; i++) {
            assertEquals("DELIVERED", status(ids.get(i)));
            List<FakeReporting.Received> received = FakeReporting.receivedFor(agencyCodes.get(i));
            assertEquals(1, received.size());
            assertEquals(ids.get(i), received.get(0).deliveryKey());
        }
    }

    @Test
    void twoRelaysAtOnceClaimDisjointBatchesAndDeliverEachSubmissionOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(submit(agencies.register("371502")));
        }
        int before = FakeReporting.batchesReceived().size();
        // each call takes a while, so that both relays hold their claims at the same time
        FakeReporting.batches(FakeReporting.Batches.ANSWERED, 400);

        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(relay::deliverNext);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(relay::deliverNext);
        assertTrue(first.get());
        assertTrue(second.get());

        List<List<FakeReporting.Received>> batches = FakeReporting.batchesReceived()
                .subList(before, FakeReporting.batchesReceived().size());
        assertEquals(2, batches.size(), "two calls, one per relay");
        Set<String> sent = new HashSet<>();
        for (List<FakeReporting.Received> batch : batches) {
            assertEquals(4, batch.size());
            for (FakeReporting.Received item : batch) {
                assertTrue(sent.add(item.deliveryKey()), "sent once: " + item.deliveryKey());
            }
        }
        assertEquals(new HashSet<>(ids), sent);
        for (String id : ids) {
            assertEquals("DELIVERED", status(id));
        }
    }

    @Test
    void theVersionsOfOneReportAreDeliveredInTheOrderTheyWereSubmittedEvenFromOneChunkAndByTwoRelays()
            throws Exception {
        String corrected = agencies.register("371502");
        String other = agencies.register("371502");
        // one NDJSON chunk: the lines share one moment of receipt
        String body = line(TestReports.balanced(corrected, 2023).agencyName("原件"))
                + line(TestReports.balanced(corrected, 2023).agencyName("更正一").correctionReason("更正第一次"))
                + line(TestReports.balanced(other, 2023))
                + line(TestReports.balanced(corrected, 2023).agencyName("更正二").correctionReason("更正第二次"));
        given().contentType("application/x-ndjson")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/submissions/batch")
                .then()
                .statusCode(200);
        int before = FakeReporting.batchesReceived().size();
        FakeReporting.batches(FakeReporting.Batches.ANSWERED, 400);

        // two relays at once: while the original is claimed, neither may take a later version of its report
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(relay::deliverNext);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(relay::deliverNext);
        first.get();
        second.get();
        List<List<FakeReporting.Received>> calls = FakeReporting.batchesReceived()
                .subList(before, FakeReporting.batchesReceived().size());
        assertEquals(
                List.of("原件"),
                calls.stream()
                        .flatMap(List::stream)
                        .filter(r -> r.path().contains("/" + corrected + "/"))
                        .map(BatchedRelayTest::agencyName)
                        .toList(),
                "only the original of the corrected report in the first claims");
        deliverAll();

        assertEquals(
                List.of("原件", "更正一", "更正二"),
                FakeReporting.everyDeliveryFor(corrected).stream()
                        .map(BatchedRelayTest::agencyName)
                        .toList());
        assertEquals(1, FakeReporting.everyDeliveryFor(other).size());
    }

    private static String line(cn.ogi.form.model.ReportBuilder report) {
        return TestReports.json(report).toString() + "\n";
    }

    private static String agencyName(FakeReporting.Received received) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(received.body())
                    .findValue("agencyName")
                    .asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String submit(String agency) {
        String location = given().contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(agency, 2023)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private String status(String id) {
        return given().get("/api/v1/submissions/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    private void makeDue() {
        agencies.count("WITH due AS (UPDATE outbox SET next_attempt_at = now() RETURNING 1) SELECT count(*) FROM due");
    }

    private void deliverAll() {
        outsideRequest(() -> {
            while (relay.deliverNext()) {
                // until no entry is due
            }
            return true;
        });
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    /** On a thread of its own, as the relay runs (the test method's request context has no HTTP request). */
    private static <T> T outsideRequest(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
