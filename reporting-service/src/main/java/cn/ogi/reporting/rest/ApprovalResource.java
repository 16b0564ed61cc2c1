package cn.ogi.reporting.rest;

import cn.ogi.reporting.report.Approvals;
import cn.ogi.reporting.report.ReportView;
import cn.ogi.web.Caller;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import cn.ogi.web.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Approving (locking) a report and reopening it, by supervisors inside their jurisdiction and admins. */
@Path("/api/v1/reports")
@Tag(name = "reports")
public class ApprovalResource {

    @Inject
    Approvals approvals;

    @Inject
    VisibleReports visible;

    @Inject
    Caller caller;

    /** The body of an approval or a reopening. */
    @Schema(name = "ApprovalRequest", example = """
            {"reason": "checked against the report published on the agency's site"}""")
    public record ApprovalRequest(String reason) {}

    @POST
    @Path("{agencyCode}/{year}/approval")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(
            summary = "Approve (lock) a report; corrections are refused until it is reopened",
            description = "Supervisors (inside their jurisdiction) and admins. Locks the latest version: a delivery "
                    + "is refused with 409 until the report is reopened. Recorded in the audit trail and published on "
                    + "the change feed (report.approved).")
    @RequestBody(
            description = "The reason for the approval (optional)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApprovalRequest.class),
                            examples = {@ExampleObject(name = "approve", ref = "approve")}))
    @APIResponse(
            responseCode = "200",
            description = "The approval: who, when, why, at which version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportView.ApprovalView.class),
                            examples = @ExampleObject(name = "approved", ref = "approved")))
    @APIResponse(responseCode = "400", ref = "ApprovalInvalidRequest")
    @APIResponse(responseCode = "403", ref = "ReportForbidden")
    @APIResponse(responseCode = "404", ref = "ReportNotFound")
    @APIResponse(
            responseCode = "409",
            description = "The report is approved already",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "already-approved", ref = "alreadyApproved")))
    @APIResponse(responseCode = "415", description = "A Content-Type other than application/json")
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public ReportView.ApprovalView approve(@BeanParam ReportPath path, ApprovalRequest body) {
        int year = path.year();
        visible.of(path.agencyCode(), year);
        return answer(
                approvals.approve(path.agencyCode(), year, caller.subject(), body == null ? null : body.reason()));
    }

    @POST
    @Path("{agencyCode}/{year}/reopen")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(
            summary = "Reopen an approved report so that it can be corrected; a reason is required",
            description = "Supervisors (inside their jurisdiction) and admins. Recorded in the audit trail and "
                    + "published on the change feed (report.reopened).")
    @RequestBody(
            description = "The reason for the reopening (required)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApprovalRequest.class),
                            examples = {@ExampleObject(name = "reopen", ref = "reopen")}))
    @APIResponse(
            responseCode = "200",
            description = "The reopening: who, when, why, at which version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportView.ApprovalView.class),
                            examples = @ExampleObject(name = "reopened", ref = "reopened")))
    @APIResponse(responseCode = "400", ref = "ApprovalInvalidRequest")
    @APIResponse(responseCode = "403", ref = "ReportForbidden")
    @APIResponse(responseCode = "404", ref = "ReportNotFound")
    @APIResponse(
            responseCode = "409",
            description = "The report is not approved: nothing to reopen",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not-approved", ref = "notApproved")))
    @APIResponse(responseCode = "415", description = "A Content-Type other than application/json")
    @APIResponse(
            responseCode = "422",
            description = "No reason given",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "reason-required", ref = "reasonRequired")))
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public ReportView.ApprovalView reopen(@BeanParam ReportPath path, ApprovalRequest body) {
        int year = path.year();
        visible.of(path.agencyCode(), year);
        return answer(approvals.reopen(path.agencyCode(), year, caller.subject(), body == null ? null : body.reason()));
    }

    /** The approval made (200), or the problem of a refused one, through the shared mapper. */
    static ReportView.ApprovalView answer(Approvals.Outcome outcome) {
        if (outcome instanceof Approvals.Done done) {
            return done.approval();
        }
        if (outcome instanceof Approvals.AlreadyApproved already) {
            throw ProblemException.conflict(
                    "already-approved",
                    "The report of " + already.agencyCode() + " for " + already.year()
                            + " is already approved at version " + already.version());
        }
        if (outcome instanceof Approvals.NotApproved not) {
            throw ProblemException.conflict(
                    "not-approved",
                    "The report of " + not.agencyCode() + " for " + not.year()
                            + " is not approved; there is nothing to reopen");
        }
        throw ProblemException.unprocessable("reason-required", "Reopening an approved report needs a 'reason'");
    }
}
