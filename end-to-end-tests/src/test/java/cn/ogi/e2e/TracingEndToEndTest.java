package cn.ogi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.e2e.OtlpReceiver.ReceivedSpan;
import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One submission's trace, as an operator's tracing backend receives it over OTLP from the three jars: the caller's
 * trace goes on in intake's request that answers 202, the relay's delivery (through the outbox), reporting-service's
 * version (over HTTP, or an item of a batch), the change event that version wrote, and stats-service's apply of it
 * (through the change feed) — one tree of spans, every one a descendant of the caller's.
 */
class TracingEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Platform platform = Platform.get();
    final String submitter = platform.token(Roles.SUBMITTER, "371500", "liaocheng-system");

    @Test
    void oneSubmissionsTraceRunsFromIntakes202ToReportingsVersionAndStatsApply() {
        assertTrue(OtlpReceiver.tracing(), "the jars export their spans (ogi.e2e.tracing, this module's pom)");
        String agency = Registry.newAgency(platform, "371502");
        String caller = newTraceparent();
        long after = latestSeq();

        String location = Platform.as(Platform.INTAKE, submitter)
                .contentType(ContentType.JSON)
                .header("traceparent", caller)
                .body(Reports.json(Reports.balanced(agency, 2023, 10).build()))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertEquals("DELIVERED", Reports.awaitSettled(platform, submitter, location));

        String traceId = traceId(caller);
        ReceivedSpan accepted = awaitSpan(
                traceId,
                s -> s.kind() == SpanKind.SPAN_KIND_SERVER
                        && s.service().equals("intake-service")
                        && s.parentSpanId().equals(spanId(caller)));
        assertEquals("202", accepted.attribute("http.response.status_code"), "intake's request, answered 202");
        followsToStats(traceId, agency + "/2023", id, accepted, after);
    }

    @Test
    void theLinesOfABatchEachGoOnInTheBatchRequestsTrace() throws Exception {
        List<String> agencies = Registry.newAgencies(platform, "371502", 2);
        String caller = newTraceparent();
        long after = latestSeq();
        StringBuilder ndjson = new StringBuilder();
        for (String agency : agencies) {
            ndjson.append(JSON.writeValueAsString(
                            Reports.json(Reports.balanced(agency, 2023, 11).build())))
                    .append('\n');
        }

        String answer = Platform.as(Platform.INTAKE, submitter)
                .contentType("application/x-ndjson")
                .header("traceparent", caller)
                .body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/submissions/batch")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> ids = new ArrayList<>();
        for (String line : answer.lines().toList()) {
            JsonNode result = JSON.readTree(line);
            if (result.has("status")) {
                assertEquals("accepted", result.get("status").asText(), line);
                ids.add(result.get("id").asText());
            }
        }
        assertEquals(2, ids.size());
        Reports.awaitOutboxEmpty(platform, Duration.ofSeconds(60));

        String traceId = traceId(caller);
        ReceivedSpan request = awaitSpan(
                traceId,
                s -> s.kind() == SpanKind.SPAN_KIND_SERVER
                        && s.service().equals("intake-service")
                        && s.parentSpanId().equals(spanId(caller)));
        for (int i = 0; i < 2; i++) {
            followsToStats(traceId, agencies.get(i) + "/2023", ids.get(i), request, after);
        }
    }

    /**
     * From intake's request span on: the relay's delivery of the submission continues it, reporting-service's
     * version is a descendant of that delivery, its change event names it, and stats' apply of the event is its
     * child; and every span of the trace hangs from the caller's.
     */
    private void followsToStats(
            String traceId, String reportKey, String submissionId, ReceivedSpan request, long after) {
        ReceivedSpan delivery = awaitSpan(
                traceId,
                s -> s.name().equals("outbox deliver") && submissionId.equals(s.attribute("ogi.submission.id")));
        assertEquals("intake-service", delivery.service());
        assertTrue(ancestors(delivery).contains(request.spanId()), "the delivery continues the 202's trace");

        String written = versionEvent(after, reportKey);
        assertNotNull(written, "reporting's change event of " + reportKey + " keeps a traceparent");
        assertEquals(traceId, traceId(written), "the change event of " + reportKey + " is of the submission's trace");
        ReceivedSpan version = awaitSpan(traceId, s -> s.spanId().equals(spanId(written)));
        assertEquals("reporting-service", version.service(), "the span that wrote the version");
        assertTrue(
                ancestors(version).contains(delivery.spanId()),
                "reporting's version descends from intake's delivery: " + describe(traceId));

        ReceivedSpan apply = awaitSpan(
                traceId, s -> s.name().equals("stats apply") && reportKey.equals(s.attribute("ogi.feed.key")));
        assertEquals("stats-service", apply.service());
        assertEquals(version.spanId(), apply.parentSpanId(), "stats applies the event in a child of its writer");

        List<ReceivedSpan> trace = OtlpReceiver.get().trace(traceId);
        for (ReceivedSpan span : trace) {
            assertTrue(
                    trace.stream().anyMatch(p -> p.spanId().equals(span.parentSpanId()))
                            || span.parentSpanId().equals(request.parentSpanId()),
                    "every span hangs from the caller's: " + span + " in " + describe(traceId));
        }
    }

    /** The span ids above this span in its trace, nearest first (as far as they were received). */
    private static List<String> ancestors(ReceivedSpan span) {
        Map<String, ReceivedSpan> byId = OtlpReceiver.get().trace(span.traceId()).stream()
                .collect(Collectors.toMap(ReceivedSpan::spanId, s -> s, (a, b) -> a));
        List<String> ancestors = new ArrayList<>();
        for (ReceivedSpan at = byId.get(span.parentSpanId()); at != null; at = byId.get(at.parentSpanId())) {
            ancestors.add(at.spanId());
            if (ancestors.size() > 100) {
                break;
            }
        }
        return ancestors;
    }

    private static String describe(String traceId) {
        return OtlpReceiver.get().trace(traceId).stream()
                .map(s -> s.service() + ":" + s.name() + "[" + s.spanId() + "<" + s.parentSpanId() + "]")
                .collect(Collectors.joining(", "));
    }

    /** Spans come in batches (every 200 ms from each jar), stats' apply after its next poll: waits for one. */
    private static ReceivedSpan awaitSpan(String traceId, Predicate<ReceivedSpan> wanted) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Optional<ReceivedSpan> found =
                    OtlpReceiver.get().trace(traceId).stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            ServiceProcess.sleep(200);
        }
        throw new AssertionError("no such span in trace " + traceId + ": " + describe(traceId));
    }

    private long latestSeq() {
        return platform.reportingAsAdmin()
                .queryParam("limit", 1)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("latestSeq");
    }

    /** The traceparent of the version event of a report after a seq, as stats-service reads the feed. */
    private String versionEvent(long after, String reportKey) {
        JsonPath page = platform.reportingAsAdmin()
                .queryParam("after", after)
                .queryParam("limit", 1000)
                .queryParam("types", "report.version.created")
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        int at = page.getList("events.key", String.class).indexOf(reportKey);
        assertTrue(at >= 0, "a version event of " + reportKey + " after seq " + after);
        return page.getString("events[" + at + "].traceparent");
    }

    /** A traceparent as a municipal system that traces its own calls sends it (sampled). */
    private static String newTraceparent() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(trace);
        ThreadLocalRandom.current().nextBytes(span);
        return "00-" + HexFormat.of().formatHex(trace) + "-" + HexFormat.of().formatHex(span) + "-01";
    }

    private static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    private static String spanId(String traceparent) {
        return traceparent.substring(36, 52);
    }
}
