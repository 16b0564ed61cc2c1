package cn.ogi.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.intake.outbox.OutboxDelivery;
import cn.ogi.intake.submission.PublishedOriginal;
import cn.ogi.intake.submission.Submissions;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.auth.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A submission with its document as published keeps the bytes, and the relay delivers them to reporting-service
 * (here {@link FakeReporting}) with their media type and SHA-256; a JSON submission's delivery has none of the three.
 */
@QuarkusTest
@TestProfile(PublishedOriginalDeliveryTest.ToFakeReporting.class)
class PublishedOriginalDeliveryTest {

    /** The relay's REST client pointed at the fake (the relay itself stays off: the test drives it). */
    public static class ToFakeReporting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.reporting.url", "http://localhost:" + FakeReporting.PORT);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Scope ADMIN = new Scope("test-admin", Set.of(Roles.ADMIN), null);

    @Inject
    Submissions submissions;

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

    static byte[] pdf() {
        byte[] bytes = new byte[3000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7 + 1);
        }
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 8);
        return bytes;
    }

    private static Submissions.Incoming incoming(
            String agency, String source, String text, String key, PublishedOriginal original) {
        return new Submissions.Incoming(
                TestReports.balanced(agency, 2022).build(),
                "371502",
                source,
                text,
                key,
                ADMIN.subject(),
                null,
                List.of(),
                false,
                original,
                null);
    }

    /** Stores as the submission resources do (the PDF submission resource is the lead's, issue 11). */
    private Submissions.Stored store(Submissions.Incoming incoming) {
        return (Submissions.Stored) outcome(incoming);
    }

    private Submissions.Outcome outcome(Submissions.Incoming incoming) {
        return outsideRequest(() -> submissions.store(incoming, ADMIN));
    }

    /** Delivers every due entry, as the relay does on its own threads. */
    private void deliverAll() {
        outsideRequest(() -> {
            while (relay.deliverNext()) {
                // until no entry is due
            }
            return null;
        });
    }

    /**
     * On a thread of its own, as the relay and the resources run: the test method's request context has no HTTP
     * request for the audit trail's client address.
     */
    private static <T> T outsideRequest(java.util.function.Supplier<T> work) {
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

    @Test
    void aSubmissionWithItsPdfIsStoredAndDeliveredWithTheThreeFields() throws Exception {
        String agency = agencies.register("371502");
        byte[] pdf = pdf();
        PublishedOriginal original = PublishedOriginal.of(pdf, "application/pdf");

        Submissions.Stored stored =
                store(incoming(agency, "text", "the text read from the PDF", "pdf-" + UUID.randomUUID(), original));
        assertTrue(stored.created());
        assertEquals(
                1,
                agencies.count("SELECT count(*) FROM submission WHERE id = '"
                        + stored.submission().id()
                        + "' AND original_media_type = 'application/pdf' AND original_sha256 = '"
                        + original.sha256() + "' AND body_sha256 = '" + original.sha256()
                        + "' AND octet_length(original_bytes) = " + pdf.length));

        deliverAll();

        List<FakeReporting.Received> received = FakeReporting.receivedFor(agency);
        assertEquals(1, received.size());
        assertEquals(stored.submission().id().toString(), received.get(0).deliveryKey());
        JsonNode body = JSON.readTree(received.get(0).body());
        assertEquals("application/pdf", body.path("originalMediaType").asText());
        assertEquals(original.sha256(), body.path("originalSha256").asText());
        assertEquals(PublishedOriginal.sha256(pdf), body.path("originalSha256").asText());
        assertArrayEquals(
                pdf, Base64.getDecoder().decode(body.path("originalBytes").asText()));
        assertEquals("the text read from the PDF", body.path("originalText").asText());
        assertEquals("text", body.path("source").asText());
        assertEquals(
                1,
                agencies.count("SELECT count(*) FROM submission WHERE id = '"
                        + stored.submission().id() + "' AND status = 'DELIVERED' AND version = 1"));
    }

    @Test
    void aJsonSubmissionsDeliveryHasNoOriginalFields() throws Exception {
        String agency = agencies.register("371502");
        store(incoming(agency, "api", null, "json-" + UUID.randomUUID(), null));

        deliverAll();

        List<FakeReporting.Received> received = FakeReporting.receivedFor(agency);
        assertEquals(1, received.size());
        JsonNode body = JSON.readTree(received.get(0).body());
        assertNotNull(body.get("report"));
        for (String field : List.of("originalMediaType", "originalSha256", "originalBytes")) {
            assertFalse(body.has(field), field + " absent");
        }
    }

    @Test
    void anOriginalReportingServiceWillNotTakeIsRejectedNotRetriedForever() {
        String agency = agencies.register("371502");
        FakeReporting.refuseAsTooLarge(agency);
        Submissions.Stored stored = store(incoming(
                agency, "text", "text", "large-" + UUID.randomUUID(), PublishedOriginal.of(pdf(), "application/pdf")));

        deliverAll();

        assertEquals(
                1,
                agencies.count("SELECT count(*) FROM submission WHERE id = '"
                        + stored.submission().id()
                        + "' AND status = 'REJECTED' AND rejection LIKE '%more than 10 bytes%'"));
        assertEquals(
                0,
                agencies.count("SELECT count(*) FROM outbox WHERE submission_id = '"
                        + stored.submission().id() + "'"));
    }

    @Test
    void aRepeatedKeyIsTheSameSubmissionForTheSameDocumentAndRefusedForAnother() {
        String agency = agencies.register("371502");
        String key = "repeat-" + UUID.randomUUID();
        PublishedOriginal first = PublishedOriginal.of(pdf(), "application/pdf");
        Submissions.Stored stored = store(incoming(agency, "text", "text", key, first));

        // the same document (its text read differently, say by a newer reader) under the same key: the same submission
        Submissions.Stored again = store(
                incoming(agency, "text", "text, read again", key, PublishedOriginal.of(pdf(), "application/pdf")));
        assertFalse(again.created());
        assertEquals(stored.submission().id(), again.submission().id());

        byte[] other = pdf();
        other[100] ^= 1;
        // refused, naming the first submission: the resource answers it 409 (SubmissionAnswersTest)
        assertEquals(
                new Submissions.KeyReused(key, stored.submission().id()),
                outcome(incoming(agency, "text", "text", key, PublishedOriginal.of(other, "application/pdf"))));
        assertEquals(1, agencies.count("SELECT count(*) FROM submission WHERE agency_code = '" + agency + "'"));
    }
}
