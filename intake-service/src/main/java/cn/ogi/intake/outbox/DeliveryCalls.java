package cn.ogi.intake.outbox;

import cn.ogi.feed.VersionReceipt;
import cn.ogi.intake.client.DeliveryBatch;
import cn.ogi.intake.client.DeliveryResults;
import cn.ogi.intake.client.ReportingClient;
import cn.ogi.intake.client.VersionDelivery;
import cn.ogi.intake.metrics.IntakeMetrics;
import cn.ogi.web.tracing.Spans;
import cn.ogi.web.tracing.Traceparents;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The relay's calls to reporting-service: a batch of claimed entries in one call ({@code POST /api/v1/deliveries}),
 * or one entry ({@code POST …/versions}), each turned into one {@link Attempt} per entry. A reporting-service without
 * the batch endpoint (404/405: an older version during a rolling upgrade) is remembered for
 * {@code intake.relay.batch-probe-interval} and sent one entry per call meanwhile; a batch it will not take as a
 * whole (413, 400: bounds or shapes of another version) is sent one by one, so that each entry gets its own answer.
 */
@ApplicationScoped
public class DeliveryCalls {

    private static final Logger LOG = Logger.getLogger(DeliveryCalls.class);

    @Inject
    @RestClient
    ReportingClient reporting;

    @Inject
    ObjectMapper json;

    @Inject
    IntakeMetrics metrics;

    @Inject
    Spans spans;

    /** {@code intake.relay.batch-probe-interval}: how long an older reporting-service gets single deliveries. */
    @Inject
    RelaySettings settings;

    /** Until when reporting-service is taken to have no batch endpoint (null: it has one, as far as we know). */
    private volatile Instant noBatchesUntil;

    /** One attempt per entry, in the entries' order. */
    List<Attempt> deliver(List<Claimed> entries) {
        if (entries.size() == 1 || !batchesAccepted()) {
            return one(entries);
        }
        return batch(entries).orElseGet(() -> one(entries));
    }

    private boolean batchesAccepted() {
        Instant until = noBatchesUntil;
        return until == null || Instant.now().isAfter(until);
    }

    /**
     * The entries as one batch; empty when reporting-service would not take it as a batch (send them singly). Each
     * entry's delivery span continues its submission's trace and travels in its item (one call cannot carry many
     * traces in its header); the call itself is a span of its own, linked to them.
     */
    private Optional<List<Attempt>> batch(List<Claimed> entries) {
        List<Span> deliveries = entries.stream().map(this::deliverySpan).toList();
        var call = spans.root("outbox deliver-batch", SpanKind.INTERNAL)
                .setAttribute("ogi.delivery.batch.size", (long) entries.size());
        deliveries.forEach(span -> call.addLink(span.getSpanContext()));
        Span callSpan = call.startSpan();
        List<Attempt> answered = null;
        try (Scope ignored = callSpan.makeCurrent()) {
            Optional<List<Attempt>> attempts = batch(entries, deliveries);
            answered = attempts.orElse(null);
            return attempts;
        } finally {
            callSpan.end();
            for (int i = 0; i < deliveries.size(); i++) {
                // a batch not taken as such is delivered one by one, each of those in a span of its own
                end(deliveries.get(i), answered == null ? null : answered.get(i));
            }
        }
    }

    private Optional<List<Attempt>> batch(List<Claimed> entries, List<Span> deliveries) {
        long started = System.nanoTime();
        try {
            List<DeliveryBatch.Item> items = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                Claimed entry = entries.get(i);
                items.add(new DeliveryBatch.Item(
                        entry.id().toString(),
                        entry.agencyCode(),
                        entry.year(),
                        entry.ifMatch(),
                        body(entry),
                        Traceparents.of(deliveries.get(i).getSpanContext())));
            }
            try (Response answer = reporting.deliverAll(new DeliveryBatch(items))) {
                int status = answer.getStatus();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                if (status == 200) {
                    metrics.deliveryCall(IntakeMetrics.DeliveryOutcome.DELIVERED, took, entries.size());
                    noBatchesUntil = null;
                    return Optional.of(attempts(entries, answer.readEntity(DeliveryResults.class)));
                }
                if (status == 404 || status == 405) {
                    LOG.infof(
                            "reporting-service has no batch endpoint (%d): delivering one by one for %s",
                            status, settings.batchProbeInterval());
                    noBatchesUntil = Instant.now().plus(settings.batchProbeInterval());
                    return Optional.empty();
                }
                if (status == 400 || status == 413) {
                    LOG.warnf(
                            "reporting-service refused a batch of %d as a whole (%d): delivering them one by one",
                            entries.size(), status);
                    return Optional.empty();
                }
                String body = answer.hasEntity() ? answer.readEntity(String.class) : "";
                metrics.deliveryCall(IntakeMetrics.DeliveryOutcome.FAILED, took, entries.size());
                return Optional.of(
                        allFailed(entries, "reporting-service answered the batch " + status + ": " + abbreviate(body)));
            }
        } catch (RuntimeException e) {
            metrics.deliveryCall(
                    IntakeMetrics.DeliveryOutcome.FAILED,
                    Duration.ofNanos(System.nanoTime() - started),
                    entries.size());
            return Optional.of(allFailed(entries, "reporting-service not reachable: " + e.getMessage()));
        }
    }

    /** Each entry's own result; an entry the answer does not account for is tried again. */
    private List<Attempt> attempts(List<Claimed> entries, DeliveryResults answer) {
        List<Attempt> attempts = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            DeliveryResults.Result result =
                    i < answer.results().size() ? answer.results().get(i) : null;
            if (result == null || !entries.get(i).id().toString().equals(result.deliveryKey())) {
                attempts.add(Attempt.failed("reporting-service's answer to the batch has no result for this entry"));
            } else if ((result.status() == 200 || result.status() == 201) && result.receipt() != null) {
                attempts.add(Attempt.delivered(result.receipt()));
            } else if (Attempt.isFinalRefusal(result.status())) {
                attempts.add(Attempt.refused(
                        result.status(),
                        result.problem() == null ? "" : result.problem().toString(),
                        json));
            } else {
                attempts.add(Attempt.failed("reporting-service answered " + result.status() + " for this entry"));
            }
        }
        return attempts;
    }

    private List<Attempt> one(List<Claimed> entries) {
        List<Attempt> attempts = new ArrayList<>(entries.size());
        for (Claimed entry : entries) {
            long started = System.nanoTime();
            Attempt attempt = single(entry);
            metrics.deliveryCall(outcome(attempt.kind()), Duration.ofNanos(System.nanoTime() - started), 1);
            attempts.add(attempt);
        }
        return attempts;
    }

    /** One entry in its delivery span, current during the call: the REST client sends its traceparent along. */
    private Attempt single(Claimed claimed) {
        Span span = deliverySpan(claimed);
        Attempt attempt = null;
        try (Scope ignored = span.makeCurrent()) {
            attempt = call(claimed);
            return attempt;
        } finally {
            end(span, attempt);
        }
    }

    /** The delivery of one entry, continuing the trace of the request that got its 202. */
    private Span deliverySpan(Claimed claimed) {
        Span span = spans.continuing("outbox deliver", SpanKind.PRODUCER, claimed.traceparent())
                .startSpan();
        span.setAttribute("ogi.submission.id", claimed.id().toString());
        span.setAttribute("ogi.agency.code", claimed.agencyCode());
        span.setAttribute("ogi.report.year", (long) claimed.year());
        span.setAttribute("ogi.delivery.attempt", (long) claimed.attempts() + 1);
        return span;
    }

    private static void end(Span span, Attempt attempt) {
        if (attempt != null) {
            span.setAttribute("ogi.delivery.outcome", attempt.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (attempt.kind() == Attempt.Kind.FAILED) {
                span.setStatus(StatusCode.ERROR, abbreviate(String.valueOf(attempt.reason())));
            }
        }
        span.end();
    }

    private Attempt call(Claimed claimed) {
        try (Response answer = reporting.deliver(
                claimed.agencyCode(), claimed.year(), claimed.id().toString(), claimed.ifMatch(), body(claimed))) {
            int status = answer.getStatus();
            if (status == 200 || status == 201) {
                return Attempt.delivered(answer.readEntity(VersionReceipt.class));
            }
            String body = answer.hasEntity() ? answer.readEntity(String.class) : "";
            if (Attempt.isFinalRefusal(status)) {
                return Attempt.refused(status, body, json);
            }
            return Attempt.failed("reporting-service answered " + status + ": " + abbreviate(body));
        } catch (RuntimeException e) {
            return Attempt.failed("reporting-service not reachable: " + e.getMessage());
        }
    }

    /** The stored report goes out as PostgreSQL gives its text, unparsed (a raw value): reporting-service reads it. */
    private VersionDelivery body(Claimed claimed) {
        var original = claimed.original();
        return new VersionDelivery(
                json.getNodeFactory().rawValueNode(new RawValue(claimed.report())),
                claimed.source(),
                claimed.originalText(),
                claimed.submittedBy(),
                claimed.receivedAt().atOffset(java.time.ZoneOffset.UTC),
                claimed.importedHistory(),
                original == null ? null : original.mediaType(),
                original == null ? null : original.sha256(),
                original == null ? null : Base64.getEncoder().encodeToString(original.bytes()));
    }

    private static List<Attempt> allFailed(List<Claimed> entries, String reason) {
        return entries.stream().map(e -> Attempt.failed(reason)).toList();
    }

    static IntakeMetrics.DeliveryOutcome outcome(Attempt.Kind kind) {
        return switch (kind) {
            case DELIVERED -> IntakeMetrics.DeliveryOutcome.DELIVERED;
            case REFUSED -> IntakeMetrics.DeliveryOutcome.REFUSED;
            case FAILED -> IntakeMetrics.DeliveryOutcome.FAILED;
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
