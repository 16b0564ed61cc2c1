package cn.ogi.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.feed.ChangeEvent;
import cn.ogi.stats.feed.ChangeFeedClient;
import cn.ogi.stats.feed.FeedConsumer;
import cn.ogi.stats.feed.FeedSource;
import cn.ogi.stats.model.ReadModelWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The consumer applies an event that carries a traceparent in an apply span continuing that trace. */
@QuarkusTest
class TracingTest {

    @Inject
    ReadModelWriter writer;

    @Inject
    FeedConsumer consumer;

    @Inject
    ObjectMapper json;

    @Inject
    InMemorySpanExporter spans;

    @TestHTTPResource("/stub-reporting")
    URL stub;

    @Test
    void anEventWithATraceparentIsAppliedInASpanOfThatTrace() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree tree = feed.newCity(1);
        String agency = TestFeed.newAgencyCode(tree.counties().get(0));
        ChangeEvent registered =
                feed.agency(agency, "追踪单位", "department", tree.counties().get(0), null, null);
        ChangeEvent version = feed.version(TestReports.varied(agency, 2023, 7).build(), 1, "2024-01-05T00:00:00Z");
        String written = newTraceparent();
        ChangeEvent traced = new ChangeEvent(
                version.seq(), version.type(), version.key(), version.recordedAt(), version.payload(), written);
        StubReportingResource.EVENTS.clear();
        StubReportingResource.EVENTS.addAll(List.of(registered, traced));
        ChangeFeedClient client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(stub.toString()))
                .build(ChangeFeedClient.class);

        // the consumer's own source: the page read from its bytes, the traceparent with it
        assertEquals(2, consumer.catchUp(FeedSource.of(client, json)));

        SpanData apply = awaitSpan(s -> s.getName().equals("stats apply")
                && Long.valueOf(traced.seq()).equals(s.getAttributes().get(AttributeKey.longKey("ogi.feed.seq"))));
        assertEquals(SpanKind.CONSUMER, apply.getKind());
        assertEquals(written.substring(3, 35), apply.getTraceId(), "the trace of the write that made the event");
        assertEquals(written.substring(36, 52), apply.getParentSpanId());
        assertEquals(agency + "/2023", apply.getAttributes().get(AttributeKey.stringKey("ogi.feed.key")));
        assertEquals(
                0,
                spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getName().equals("stats apply")
                                && agency.equals(s.getAttributes().get(AttributeKey.stringKey("ogi.feed.key"))))
                        .count(),
                "an event without a traceparent has no apply span");
    }

    static String newTraceparent() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(trace);
        ThreadLocalRandom.current().nextBytes(span);
        return "00-" + HexFormat.of().formatHex(trace) + "-" + HexFormat.of().formatHex(span) + "-01";
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
