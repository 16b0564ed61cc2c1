package cn.ogi.reporting.report;

import cn.ogi.feed.VersionReceipt;
import cn.ogi.web.Problem;

/**
 * What became of one delivery, single ({@code POST …/versions}) or in a batch ({@code POST /api/v1/deliveries}):
 * stored (a new version, unchanged content or a replay, each with its receipt) or refused, nothing written for it.
 * The resources choose the status and problem of each case; a batch's other deliveries are not affected by a refusal.
 */
public sealed interface DeliveryOutcome {

    /** Stored: the receipt says which version answers the delivery. */
    sealed interface Stored extends DeliveryOutcome {
        VersionReceipt receipt();
    }

    /** Refused: nothing was stored for this delivery. */
    sealed interface Refused extends DeliveryOutcome {}

    /** A new version. */
    record Created(VersionReceipt receipt) implements Stored {}

    /** The content equals the latest version: no new version, the latest answers. */
    record Unchanged(VersionReceipt receipt) implements Stored {}

    /** The Delivery-Key was delivered before: the same answer again, no second version. */
    record Replayed(VersionReceipt receipt) implements Stored {}

    /** The Delivery-Key was used for another report. */
    record KeyReused(String deliveryKey) implements Refused {}

    /** The report is approved at {@code version}: a supervisor must reopen it before it can be corrected. */
    record Locked(String agencyCode, int year, int version) implements Refused {}

    /** If-Match expected {@code expected}, the report is at {@code current}. */
    record VersionMismatch(int expected, int current) implements Refused {}

    /** A correction (the report has {@code current} versions already) that does not say why. */
    record CorrectionReasonMissing(String agencyCode, int year, int current) implements Refused {}

    /** The registry has no such agency. */
    record UnknownAgency(String agencyCode) implements Refused {}

    /** The delivery itself is not one that can be stored (its body, key, year, original): the problem says why. */
    record Invalid(Problem problem) implements Refused {}
}
