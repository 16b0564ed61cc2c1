package cn.ogi.intake.outbox;

import cn.ogi.intake.submission.PublishedOriginal;
import java.time.Instant;
import java.util.UUID;

/**
 * A due outbox entry claimed by this transaction, with what its delivery carries; {@code traceparent} is the trace of
 * the request that got its 202 (null with tracing off), which the delivery's span continues.
 */
record Claimed(
        UUID id,
        String agencyCode,
        int year,
        String report,
        String source,
        String originalText,
        Integer expectedVersion,
        String submittedBy,
        Instant receivedAt,
        int attempts,
        boolean importedHistory,
        PublishedOriginal original,
        String traceparent) {

    /** About how many bytes this entry adds to a delivery's body (the original travels in base64). */
    long approximateBytes() {
        return 512L
                + report.length()
                + (originalText == null ? 0 : originalText.length() * 3L)
                + (original == null ? 0 : (original.bytes().length + 2L) / 3 * 4);
    }

    /** If-Match as reporting-service takes it, or null for an unconditional delivery. */
    String ifMatch() {
        return expectedVersion == null ? null : "\"" + expectedVersion + "\"";
    }
}
