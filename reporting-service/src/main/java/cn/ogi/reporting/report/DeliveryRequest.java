package cn.ogi.reporting.report;

import cn.ogi.web.Problem;

/**
 * One delivery of a batch, as {@code POST …/versions} takes it: its key, the report it is for, the version it
 * expects (If-Match) and the body. {@code refusal} is set when the item was refused before reaching the writer (a
 * missing key, a malformed If-Match or year): it is answered with that problem and nothing else is done for it.
 * {@code traceparent} is the trace the delivery continues (the relay's span for it), or null.
 */
public record DeliveryRequest(
        String deliveryKey,
        String agencyCode,
        int year,
        Integer expectedVersion,
        VersionSubmission submission,
        Problem refusal,
        String traceparent) {

    public static DeliveryRequest of(
            String deliveryKey,
            String agencyCode,
            int year,
            Integer expectedVersion,
            VersionSubmission submission,
            String traceparent) {
        return new DeliveryRequest(deliveryKey, agencyCode, year, expectedVersion, submission, null, traceparent);
    }

    public static DeliveryRequest refused(String deliveryKey, String agencyCode, Integer year, Problem why) {
        return new DeliveryRequest(deliveryKey, agencyCode, year == null ? 0 : year, null, null, why, null);
    }
}
