package cn.ogi.reporting.rest;

import cn.ogi.reporting.report.DeliveryOutcome;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;

/**
 * The status and problem of each delivery outcome, the same for a single delivery ({@code POST …/versions}) and for
 * each item of a batch ({@code POST /api/v1/deliveries}): 201 created; 200 unchanged or replayed; 409 locked or a
 * reused Delivery-Key; 412 a stale If-Match; 422 a correction without its reason, an unknown agency; an invalid
 * delivery its own problem.
 */
final class DeliveryAnswers {

    private DeliveryAnswers() {}

    /** The status the single endpoint answers (and a batch item carries). */
    static int status(DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Created) {
            return 201;
        }
        if (outcome instanceof DeliveryOutcome.Stored) {
            return 200;
        }
        return problem((DeliveryOutcome.Refused) outcome, null).status();
    }

    /** The word a batch result names the outcome by. */
    static String kind(DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Created) {
            return "created";
        }
        if (outcome instanceof DeliveryOutcome.Unchanged) {
            return "unchanged";
        }
        if (outcome instanceof DeliveryOutcome.Replayed) {
            return "replayed";
        }
        return outcome instanceof DeliveryOutcome.Locked ? "locked" : "refused";
    }

    /** The problem+json of a refusal, about {@code path} (the delivery's versions path). */
    static Problem problem(DeliveryOutcome.Refused refused, String path) {
        if (refused instanceof DeliveryOutcome.Invalid invalid) {
            return invalid.problem().at(path);
        }
        return refusal(refused).toProblem(path);
    }

    /** A refusal the writer answered, as the problem the shared mapper renders. */
    static ProblemException refusal(DeliveryOutcome.Refused refused) {
        if (refused instanceof DeliveryOutcome.Locked locked) {
            return ProblemException.conflict(
                            "report-locked",
                            "The report of " + locked.agencyCode() + " for " + locked.year()
                                    + " is approved and locked at version " + locked.version()
                                    + "; a supervisor must reopen it before it can be corrected")
                    .with("version", locked.version());
        }
        if (refused instanceof DeliveryOutcome.VersionMismatch mismatch) {
            return ProblemException.of(
                            412,
                            "version-mismatch",
                            "Precondition failed",
                            "If-Match expected version " + mismatch.expected() + " but the report is at version "
                                    + mismatch.current() + "; read it again and resubmit your correction")
                    .with("currentVersion", mismatch.current());
        }
        if (refused instanceof DeliveryOutcome.CorrectionReasonMissing missing) {
            return ProblemException.unprocessable(
                            "correction-reason-required",
                            "The report of " + missing.agencyCode() + " for " + missing.year()
                                    + " already has version " + missing.current()
                                    + "; a correction must say why in correctionReason")
                    .with("currentVersion", missing.current());
        }
        if (refused instanceof DeliveryOutcome.KeyReused reused) {
            return ProblemException.conflict(
                    "delivery-key-reused",
                    "Delivery key " + reused.deliveryKey()
                            + " was already used for another report; each delivery needs its own key");
        }
        if (refused instanceof DeliveryOutcome.UnknownAgency unknown) {
            return ProblemException.unprocessable(
                    "unknown-agency",
                    "No agency " + unknown.agencyCode() + " in the registry; register it with PUT /api/v1/agencies/"
                            + unknown.agencyCode());
        }
        Problem problem = ((DeliveryOutcome.Invalid) refused).problem();
        ProblemException invalid = ProblemException.of(
                        problem.status(), slug(problem), problem.title(), problem.detail())
                .withFindings(problem.findings())
                .withErrors(problem.errors());
        for (var member : problem.extensions().entrySet()) {
            invalid = invalid.with(member.getKey(), member.getValue());
        }
        return invalid;
    }

    private static String slug(Problem problem) {
        return problem.type().substring(Problem.TYPE_BASE.length());
    }
}
