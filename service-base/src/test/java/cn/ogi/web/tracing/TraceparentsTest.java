package cn.ogi.web.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

class TraceparentsTest {

    static final String STORED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aStoredTraceparentIsTheParentOfTheSpanThatContinuesIt() {
        SpanContext parent = Span.fromContext(Traceparents.parent(STORED)).getSpanContext();

        assertTrue(parent.isRemote());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", parent.getTraceId());
        assertEquals("00f067aa0ba902b7", parent.getSpanId());
        assertTrue(parent.isSampled());
        assertEquals(STORED, Traceparents.of(parent), "written as it was read");
    }

    @Test
    void nothingOrAMalformedValueBeginsANewTrace() {
        for (String ignored : new String[] {
            null,
            "",
            "00-not-a-trace",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",
            STORED + "-extra"
        }) {
            assertFalse(Traceparents.isWellFormed(ignored), String.valueOf(ignored));
            assertEquals(Context.root(), Traceparents.parent(ignored), String.valueOf(ignored));
        }
    }

    @Test
    void withoutASpanThereIsNoTraceparent() {
        assertNull(Traceparents.current(), "tracing off, or no request: nothing to store");
        assertNull(Traceparents.of(SpanContext.getInvalid()));
        assertEquals(
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
                Traceparents.of(SpanContext.create(
                        "4bf92f3577b34da6a3ce929d0e0e4736",
                        "00f067aa0ba902b7",
                        TraceFlags.getDefault(),
                        TraceState.getDefault())));
    }
}
