package cn.ogi.reporting.report;

import cn.ogi.feed.VersionReceipt;
import cn.ogi.web.ProblemException;

/**
 * What became of one delivery of a batch: stored (a new version, unchanged content or a replay: its receipt) or
 * refused with the problem the single endpoint would have answered.
 */
public sealed interface DeliveryOutcome {

    DeliveryRequest request();

    /** Stored: the receipt says whether a version was made, the content was unchanged, or the key was replayed. */
    record Stored(DeliveryRequest request, VersionReceipt receipt) implements DeliveryOutcome {}

    /** Refused: nothing was stored for this delivery; the others of the batch are not affected. */
    record Refused(DeliveryRequest request, ProblemException problem) implements DeliveryOutcome {

        /** An approved report (409 report-locked): a supervisor must reopen it. */
        public boolean locked() {
            return problem.status() == 409 && "report-locked".equals(slug());
        }

        private String slug() {
            String type = problem.toProblem(null).type();
            return type.substring(type.lastIndexOf('/') + 1);
        }
    }
}
