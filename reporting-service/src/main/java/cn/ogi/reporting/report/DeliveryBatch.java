package cn.ogi.reporting.report;

import cn.ogi.reporting.feed.ChangeFeed;
import cn.ogi.reporting.registry.Agency;
import cn.ogi.web.ProblemException;
import cn.ogi.web.tracing.Spans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Many deliveries in one transaction ({@code POST /api/v1/deliveries}), each with the outcome the single endpoint
 * would give it, through the same {@link ReportWriter}. The reports are locked first, in one order (agency, year)
 * whatever the batch's order, so that concurrent batches wait for each other instead of deadlocking; the deliveries
 * are then written in the batch's order (a version before its correction); a refused one has written nothing and
 * the others go on; the change events of the whole batch are appended last, under one feed lock.
 */
@ApplicationScoped
public class DeliveryBatch {

    @Inject
    ReportWriter writer;

    @Inject
    ChangeFeed feed;

    private record ReportKey(String agencyCode, int year) {}

    private static final Comparator<ReportKey> LOCK_ORDER =
            Comparator.comparing(ReportKey::agencyCode).thenComparingInt(ReportKey::year);

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

    /**
     * Reads and checks one delivery into {@code prepared[i]} and finds its agency: null when it can be written, else
     * the outcome that refuses it (nothing is written for it).
     */
    private DeliveryOutcome prepare(
            DeliveryRequest request, ReportWriter.Prepared[] prepared, int i, Map<String, Agency> agencies) {
        if (request.refusal() != null) {
            return new DeliveryOutcome.Invalid(request.refusal());
        }
        try {
            prepared[i] = writer.prepare(request.agencyCode(), request.year(), request.submission());
        } catch (ProblemException refused) {
            return new DeliveryOutcome.Invalid(refused.toProblem(null));
        }
        if (agencies.computeIfAbsent(
                        request.agencyCode(), code -> writer.agency(code).orElse(null))
                == null) {
            return new DeliveryOutcome.UnknownAgency(request.agencyCode());
        }
        return null;
    }

    @Transactional
    public List<DeliveryOutcome> deliverAll(List<DeliveryRequest> requests) {
        DeliveryOutcome[] outcomes = new DeliveryOutcome[requests.size()];
        ReportWriter.Prepared[] prepared = new ReportWriter.Prepared[requests.size()];
        Map<String, Agency> agencies = new HashMap<>();
        TreeMap<ReportKey, Report> reports = new TreeMap<>(LOCK_ORDER);
        for (int i = 0; i < requests.size(); i++) {
            DeliveryRequest request = requests.get(i);
            outcomes[i] = prepare(request, prepared, i, agencies);
            if (outcomes[i] == null) {
                reports.put(new ReportKey(request.agencyCode(), request.year()), null);
            }
        }
        reports.replaceAll((key, none) -> writer.lockReport(key.agencyCode(), key.year()));

        List<ChangeFeed.Event> events = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            DeliveryRequest request = requests.get(i);
            // each delivery in a span of its own trace (the item's traceparent), current while it is written: its
            // change event carries that span on to stats-service
            Span span = versionSpan(request);
            try (Scope ignored = span.makeCurrent()) {
                ReportWriter.Written written = writer.write(
                        prepared[i],
                        request.deliveryKey(),
                        request.expectedVersion(),
                        agencies.get(request.agencyCode()),
                        reports.get(new ReportKey(request.agencyCode(), request.year())),
                        reports.get(new ReportKey(request.agencyCode(), request.year() - 1)));
                outcomes[i] = written.outcome();
                if (written.outcome() instanceof DeliveryOutcome.Stored stored) {
                    span.setAttribute(
                            "ogi.report.version", (long) stored.receipt().version());
                } else {
                    // the kind of refusal (Locked, VersionMismatch, …); the status is the resource's to choose
                    span.setAttribute(
                            "ogi.delivery.refused", written.outcome().getClass().getSimpleName());
                }
                if (written.event() != null) {
                    events.add(written.event());
                }
            } finally {
                span.end();
            }
        }
        // a report row made for deliveries that were all refused holds no version: it goes, as a refused single
        // delivery's rolls back with it
        reports.values().stream().filter(r -> r.latestVersion == 0).forEach(Report::delete);
        feed.appendAll(events);
        return List.of(outcomes);
    }
}
