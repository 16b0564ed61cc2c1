package cn.ogi.reporting.report;

import cn.ogi.reporting.feed.ChangeFeed;
import cn.ogi.web.ProblemException;
import cn.ogi.web.tracing.Spans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Many deliveries in one transaction ({@code POST /api/v1/deliveries}), each with the outcome the single endpoint
 * would give it, through the same {@link ReportWriter}. The reports are locked first, in one order (agency, year)
 * whatever the batch's order, so that concurrent batches wait for each other instead of deadlocking; the deliveries
 * are then written in the batch's order (a version before its correction); a refused one has written nothing and
 * the others go on; the change events of the whole batch are appended last, under one feed lock. The batch reads
 * and writes set-based ({@link WriteBatchStore#open}, {@link WriteBatchStore#store}): the agencies, the locks, the earlier
 * deliveries and the latest versions in a statement each, the rows it makes in a statement batch per table —
 * round trips per batch, not per delivery.
 */
@ApplicationScoped
public class DeliveryBatch {

    @Inject
    ReportWriter writer;

    @Inject
    WriteBatchStore batchStore;

    @Inject
    ChangeFeed feed;

    @Inject
    Spans spans;

    /** The span of one delivery of the batch: a child of its item's traceparent, linked to the batch's call. */
    private Span versionSpan(DeliveryRequest request) {
        return spans.continuing("deliver version", SpanKind.CONSUMER, request.traceparent())
                .addLink(Span.current().getSpanContext())
                .setAttribute("ogi.delivery.key", String.valueOf(request.deliveryKey()))
                .setAttribute("ogi.agency.code", String.valueOf(request.agencyCode()))
                .setAttribute("ogi.report.year", (long) request.year())
                .startSpan();
    }

    /** Reads and checks one delivery into {@code prepared[i]}: null when it can be written, else its refusal. */
    private DeliveryOutcome prepare(DeliveryRequest request, ReportWriter.Prepared[] prepared, int i) {
        if (request.refusal() != null) {
            return new DeliveryOutcome.Invalid(request.refusal());
        }
        try {
            prepared[i] = writer.prepare(request.agencyCode(), request.year(), request.submission());
        } catch (ProblemException refused) {
            return new DeliveryOutcome.Invalid(refused.toProblem(null));
        }
        return null;
    }

    @Transactional
    public List<DeliveryOutcome> deliverAll(List<DeliveryRequest> requests) {
        DeliveryOutcome[] outcomes = new DeliveryOutcome[requests.size()];
        ReportWriter.Prepared[] prepared = new ReportWriter.Prepared[requests.size()];
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            outcomes[i] = prepare(requests.get(i), prepared, i);
            if (outcomes[i] == null) {
                codes.add(requests.get(i).agencyCode());
            }
        }
        Map<String, WriteBatchStore.Registered> agencies = batchStore.agencies(codes);
        List<ReportKey> reports = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            DeliveryRequest request = requests.get(i);
            if (outcomes[i] == null && !agencies.containsKey(request.agencyCode())) {
                outcomes[i] = new DeliveryOutcome.UnknownAgency(request.agencyCode());
            }
            if (outcomes[i] == null) {
                reports.add(new ReportKey(request.agencyCode(), request.year()));
                keys.add(request.deliveryKey());
            }
        }
        if (reports.isEmpty()) {
            return List.of(outcomes);
        }
        WriteBatch batch = batchStore.open(reports, keys);

        List<ChangeFeed.Event> events = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (outcomes[i] == null) {
                DeliveryRequest request = requests.get(i);
                outcomes[i] = write(request, prepared[i], agencies.get(request.agencyCode()), batch, events);
            }
        }
        // a report row made for deliveries that were all refused holds no version: store removes it, as a refused
        // single delivery's rolls back with it
        batchStore.store(batch);
        feed.appendAll(events);
        return List.of(outcomes);
    }

    /**
     * Writes one delivery of the batch in a span of its own trace (the item's traceparent), current while it is
     * written: its change event, added to {@code events}, carries that span on to stats-service.
     */
    private DeliveryOutcome write(
            DeliveryRequest request,
            ReportWriter.Prepared prepared,
            WriteBatchStore.Registered agency,
            WriteBatch batch,
            List<ChangeFeed.Event> events) {
        Span span = versionSpan(request);
        try (Scope ignored = span.makeCurrent()) {
            ReportWriter.Written written =
                    writer.write(prepared, request.deliveryKey(), request.expectedVersion(), agency, batch);
            if (written.outcome() instanceof DeliveryOutcome.Stored stored) {
                span.setAttribute("ogi.report.version", (long) stored.receipt().version());
            } else {
                // the kind of refusal (Locked, VersionMismatch, …); the status is the resource's to choose
                span.setAttribute(
                        "ogi.delivery.refused", written.outcome().getClass().getSimpleName());
            }
            if (written.event() != null) {
                events.add(written.event());
            }
            return written.outcome();
        } finally {
            span.end();
        }
    }
}
