package cn.ogi.intake.submission;

import cn.ogi.form.rules.Finding;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a submission ends once reporting-service has answered its delivery for good: delivered as a version (or as
 * unchanged content), or rejected with reporting-service's reason. Written by {@link SubmissionStore#settle}, the
 * one place a submission's state changes after it was received.
 */
public sealed interface Settlement {

    UUID submission();

    /** The state the submission is left in: {@code DELIVERED} or {@code REJECTED}. */
    SubmissionStatus status();

    List<Finding> findings();

    /** The copy a settlement keeps: none for null, and without null entries (whatever reporting-service sent). */
    private static List<Finding> copy(List<Finding> findings) {
        return findings == null
                ? List.of()
                : findings.stream().filter(Objects::nonNull).toList();
    }

    /** reporting-service holds it as {@code version} ({@code unchanged}: the content equalled the latest version). */
    record Delivered(UUID submission, int version, boolean unchanged, List<Finding> findings) implements Settlement {

        public Delivered {
            findings = List.copyOf(copy(findings));
        }

        @Override
        public SubmissionStatus status() {
            return SubmissionStatus.DELIVERED;
        }
    }

    /** reporting-service refused it for good; {@code reason} is what the submitter reads. */
    record Rejected(UUID submission, String reason, List<Finding> findings) implements Settlement {

        public Rejected {
            findings = List.copyOf(copy(findings));
        }

        @Override
        public SubmissionStatus status() {
            return SubmissionStatus.REJECTED;
        }
    }
}
