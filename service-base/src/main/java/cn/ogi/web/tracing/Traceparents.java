package cn.ogi.web.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * W3C {@code traceparent} values kept with data that crosses an asynchronous hop — intake's outbox entry, a batched
 * delivery's item, reporting-service's change event — so that the span which picks the data up later (the relay's
 * delivery, stats' apply) continues the trace of the request that made it. With the OpenTelemetry SDK off (the
 * default, README "Tracing") there is no current span: {@link #current()} is null and nothing is stored.
 */
public final class Traceparents {

    /** Version 00 as W3C Trace Context defines it: 32 hex trace id, 16 hex span id, 2 hex flags. */
    private static final Pattern WELL_FORMED = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private static final TextMapGetter<String> ONLY_TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    private Traceparents() {}

    /** The traceparent of this thread's current span, or null when there is none (tracing off, no request). */
    public static String current() {
        return of(Span.current().getSpanContext());
    }

    /** The traceparent naming this span as the parent, or null for an invalid (no-op) span context. */
    public static String of(SpanContext span) {
        if (span == null || !span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
    }

    /** Whether a value received from another service is a traceparent worth keeping (else it is ignored). */
    public static boolean isWellFormed(String traceparent) {
        // all-zero ids are invalid (W3C Trace Context)
        return traceparent != null
                && WELL_FORMED.matcher(traceparent).matches()
                && SpanContext.createFromRemoteParent(
                                traceparent.substring(3, 35),
                                traceparent.substring(36, 52),
                                TraceFlags.getDefault(),
                                TraceState.getDefault())
                        .isValid();
    }

    /**
     * The context in which a span continues the stored trace: the traceparent as a remote parent; with none (or a
     * malformed one, which W3C Trace Context says to ignore) a new trace begins.
     */
    public static Context parent(String traceparent) {
        if (!isWellFormed(traceparent)) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, ONLY_TRACEPARENT);
    }
}
