package cn.ogi.intake.rest;

import cn.ogi.form.rules.Finding;
import cn.ogi.intake.submission.ReportChecks;
import cn.ogi.intake.submission.Submitting;
import cn.ogi.web.Caller;
import cn.ogi.web.Problem;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.openapi.ReportSchemas;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/validate")
@Tag(name = "dry runs")
public class ValidateResource {

    @Inject
    Submitting submitting;

    @Inject
    Caller caller;

    /** The verdict of a dry run: valid when no finding would refuse the report. */
    public record Validation(boolean valid, List<Finding> findings) {}

    @POST
    @RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Check a report exactly as a submission would, storing nothing",
            description = "200 with every finding (an empty list when the report is valid); warnings do not make it "
                    + "invalid. The agency must be registered and inside the caller's jurisdiction, as for a "
                    + "submission; nothing is stored or delivered.")
    @RequestBody(
            description = "The report in canonical JSON, as POST /api/v1/submissions takes it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = ReportSchemas.REPORT),
                            examples = {
                                @ExampleObject(name = "valid", ref = "validReport"),
                                @ExampleObject(name = "unbalanced", ref = "unbalancedReport")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The verdict: valid, and every finding",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Validation.class),
                            examples = {
                                @ExampleObject(name = "valid", ref = "validationValid"),
                                @ExampleObject(name = "invalid", ref = "validationInvalid")
                            }))
    @APIResponse(
            responseCode = "400",
            description = "An empty body, or unreadable JSON",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "empty-body", ref = "emptyBody")))
    @APIResponse(
            responseCode = "403",
            description = "The token's roles do not allow it, or the agency is outside the caller's jurisdiction",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "outside-jurisdiction", ref = "outsideJurisdiction")))
    @APIResponse(
            responseCode = "413",
            description = "Over 1 MiB",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "report", ref = "reportTooLarge")))
    @APIResponse(responseCode = "415", description = "A Content-Type other than application/json")
    @APIResponse(
            responseCode = "503",
            description = "The database is unavailable, or the agency is not yet known and reporting-service "
                    + "cannot be asked",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "registry-unavailable", ref = "registryUnavailable")))
    public Validation validate(byte[] body) {
        ReportChecks.Checked checked = submitting.validate(RequestBodies.readUtf8(body, "report"), caller.scope());
        return new Validation(checked.accepted(), checked.findings());
    }
}
