package cn.ogi.web.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The spans the services make themselves (the relay's deliveries, a batch's versions, stats' apply). With the SDK off
 * (the default) Quarkus still hands out a tracer that makes span ids, only sends them nowhere: a span made with it
 * would invent a trace, which the outbox, a batch item or the change feed would then carry on. So while tracing is
 * off every span made here is the invalid one — no ids, nothing stored, nothing passed on.
 */
@ApplicationScoped
public class Spans {

    private static final Tracer OFF = OpenTelemetry.noop().getTracer("ogi");

    @Inject
    Tracer tracer;

    // a Quarkus key, not the platform's (no ogi.* mapping): read with @ConfigProperty as the framework documents it
    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false")
    boolean off;

    /** A span continuing the trace {@code traceparent} names (a new trace without one); not started, not current. */
    public SpanBuilder continuing(String name, SpanKind kind, String traceparent) {
        if (off) {
            return OFF.spanBuilder(name).setNoParent();
        }
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(Traceparents.parent(traceparent));
    }

    /** A span beginning a trace of its own (a call carrying many traces links to them instead). */
    public SpanBuilder root(String name, SpanKind kind) {
        return off
                ? OFF.spanBuilder(name).setNoParent()
                : tracer.spanBuilder(name).setSpanKind(kind).setNoParent();
    }
}
