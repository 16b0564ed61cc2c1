package cn.ogi.intake.submission;

import cn.ogi.form.rules.Finding;
import java.util.List;
import java.util.UUID;

/**
 * Where a submission ends once reporting-service has answered its delivery for good: delivered as a version (or as
 * unchanged content), or rejected with reporting-service's reason. Written by {@link SubmissionStore#settle}, the
 * one place a submission's state changes after it was received.
 */
public sealed interface Settlement {

    UUID submission();

    /** The state the submission is left in: {@code DELIVERED} or {@code REJECTED}. */
    String status();

    List<Finding> findings();

    /** reporting-service holds it as {@code version} ({@code unchanged}: the content equalled the latest version). */
    record Delivered(UUID submission, int version, boolean unchanged, List<Finding> findings) implements Settlement {

        @Override
        public String status() {
            return SubmissionView.DELIVERED;
        }
    }

    /** reporting-service refused it for good; {@code reason} is what the submitter reads. */
    record Rejected(UUID submission, String reason, List<Finding> findings) implements Settlement {

        @Override
        public String status() {
            return SubmissionView.REJECTED;
        }
    }
}
