package cn.ogi.intake.submission;

/**
 * Where a submission stands. The constant's name is its value on the wire ({@code status} of a submission) and in
 * the table ({@code submission.status}, whose CHECK lists the same three).
 */
public enum SubmissionStatus {
    /** Stored; delivery to reporting-service pending (retried until it answers). */
    RECEIVED,
    /** reporting-service holds it as a version of the report (or found its content unchanged). */
    DELIVERED,
    /** reporting-service refused it for good. */
    REJECTED
}
