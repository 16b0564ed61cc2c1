package cn.ogi.intake.rest;

import cn.ogi.intake.reading.PublishedReports;
import cn.ogi.intake.submission.SubmissionStore;
import cn.ogi.intake.submission.SubmissionView;
import cn.ogi.intake.submission.Submitting;
import cn.ogi.web.Caller;
import cn.ogi.web.Params;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.openapi.ReportSchemas;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/submissions")
@Tag(name = "submissions")
public class SubmissionResource {

    @Inject
    Submitting submitting;

    @Inject
    PublishedReports published;

    @Inject
    SubmissionStore store;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = SubmissionDocs.SUBMIT_SUMMARY, description = SubmissionDocs.SUBMIT_DESCRIPTION)
    @RequestBody(
            description = "The report in canonical JSON (REPORT-FORMAT.md), in the edition its 'edition' names",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = ReportSchemas.REPORT),
                            examples = {
                                @ExampleObject(
                                        name = "valid",
                                        summary = "A balanced edition-2021 report",
                                        ref = "validReport"),
                                @ExampleObject(
                                        name = "unbalanced",
                                        summary = "Table 2 does not balance: refused with 422",
                                        ref = "unbalancedReport")
                            }))
    @APIResponse(
            responseCode = "202",
            description = "Accepted: stored and queued for delivery; Location names the submission",
            headers =
                    @Header(
                            name = "Location",
                            description = "/api/v1/submissions/{id}",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubmissionView.class),
                            examples = @ExampleObject(name = "received", ref = "submissionReceived")))
    @APIResponse(
            responseCode = "200",
            description = "The same Idempotency-Key and body were sent before: the first submission, unchanged",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubmissionView.class),
                            examples = @ExampleObject(name = "repeated", ref = "submissionRepeated")))
    @APIResponse(
            responseCode = "400",
            description = "An empty body, a text not in UTF-8, an invalid header or parameter, unreadable JSON",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "empty-body", ref = "emptyBody"),
                                @ExampleObject(name = "not-utf8", ref = "notUtf8"),
                                @ExampleObject(name = "invalid-idempotency-key", ref = "invalidIdempotencyKey"),
                                @ExampleObject(name = "invalid-if-match", ref = "invalidIfMatch"),
                                @ExampleObject(name = "agency-code-required", ref = "agencyCodeRequired")
                            }))
    @APIResponse(
            responseCode = "403",
            description = "The token's roles do not allow it, the agency is outside the caller's jurisdiction, or "
                    + "importedHistory=true without the admin role; nothing is stored",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "outside-jurisdiction", ref = "outsideJurisdiction"),
                                @ExampleObject(name = "imported-history", ref = "importedHistoryAdminOnly")
                            }))
    @APIResponse(
            responseCode = "409",
            description = "The Idempotency-Key was used before with another body",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "key-reused", ref = "idempotencyKeyReused")))
    @APIResponse(
            responseCode = "413",
            description = "Over 1 MiB (JSON) or intake.reader.max-bytes (a published report)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "report", ref = "reportTooLarge"),
                                @ExampleObject(name = "published", ref = "publishedTooLarge")
                            }))
    @APIResponse(responseCode = "415", description = "A Content-Type other than those listed")
    @APIResponse(
            responseCode = "422",
            description = "Refused, with every finding: a JSON report breaking the structure or an error rule; an "
                    + "unknown agency; a published report that cannot be read (reason says why)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "unbalanced", ref = "unbalancedProblem"),
                                @ExampleObject(name = "agency-unknown", ref = "agencyUnknown"),
                                @ExampleObject(name = "unreadable", ref = "unreadableReport")
                            }))
    @APIResponse(
            responseCode = "503",
            description = "The database is unavailable, or an agency is not yet known and reporting-service cannot "
                    + "be asked; retry after Retry-After seconds with the same Idempotency-Key",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "registry-unavailable", ref = "registryUnavailable")))
    public Response submit(byte[] body, @BeanParam SubmissionOptions options) {
        boolean imported = options.importedHistory(caller);
        String json = RequestBodies.readUtf8(body, "report");
        return SubmissionAnswers.of(submitting.submitJson(
                json, options.idempotencyKey(), caller.scope(), options.expectedVersion(), imported));
    }

    @POST
    @RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, PublishedMediaTypes.MARKDOWN, PublishedMediaTypes.PDF})
    @Operation(summary = SubmissionDocs.SUBMIT_SUMMARY, description = SubmissionDocs.SUBMIT_DESCRIPTION)
    @RequestBody(
            description = PublishedMediaTypes.BODY_DESCRIPTION,
            content = {
                @Content(
                        mediaType = MediaType.TEXT_PLAIN,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "text", ref = "publishedText")),
                @Content(
                        mediaType = MediaType.TEXT_HTML,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "page", ref = "publishedHtml")),
                @Content(
                        mediaType = PublishedMediaTypes.MARKDOWN,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "markdown", ref = "publishedMarkdown")),
                @Content(
                        mediaType = PublishedMediaTypes.PDF,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"),
                        examples = @ExampleObject(name = "pdf", ref = "publishedPdf"))
            })
    public Response submitText(
            byte[] body,
            @Parameter(
                            description = "A published report's agency: its 统一社会信用代码 (18 characters; required "
                                    + "for a published report)",
                            example = "11371500MB28532216")
                    @QueryParam("agencyCode")
                    String agencyCode,
            @Parameter(
                            description = "A published report's year (2000 to the current year), when its title does "
                                    + "not say it",
                            example = "2023")
                    @QueryParam("year")
                    String year,
            @Parameter(
                            description = "Why a report already received is corrected (required for a correction)",
                            example = "第二张表的自然人申请数量录入有误，已更正")
                    @QueryParam("correctionReason")
                    String correctionReason,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            @BeanParam SubmissionOptions options) {
        boolean imported = options.importedHistory(caller);
        return SubmissionAnswers.of(submitting.submitPublished(
                RequestBodies.readPublished(body, type, published.maxBytes()),
                agencyCode,
                Params.year("year", year),
                correctionReason,
                options.idempotencyKey(),
                caller.scope(),
                options.expectedVersion(),
                imported));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
    @Operation(
            summary =
                    "Where a submission stands: RECEIVED, DELIVERED (with the report version) or REJECTED (with findings)",
            description = "RECEIVED: stored, delivery to reporting-service pending (retried until it answers). "
                    + "DELIVERED: reporting-service holds it as the report's version (unchanged: true when the content "
                    + "equalled the latest version). REJECTED: reporting-service refused it for good (rejection says "
                    + "why: approved, If-Match mismatch). A submitter sees only its own submissions.")
    @APIResponse(
            responseCode = "200",
            description = "The submission",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubmissionView.class),
                            examples = {
                                @ExampleObject(name = "received", ref = "submissionReceived"),
                                @ExampleObject(name = "delivered", ref = "submissionRepeated"),
                                @ExampleObject(name = "rejected", ref = "submissionRejected")
                            }))
    @APIResponse(
            responseCode = "403",
            description = "The token's roles do not allow it, or another submitter made it",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not-yours", ref = "notYourSubmission")))
    @APIResponse(
            responseCode = "404",
            description = "No submission with this id",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not-found", ref = "submissionNotFound")))
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public SubmissionView get(
            @Parameter(
                            description = "The submission's id (a UUID), from the Location of the 202",
                            example = "0b8a3f0e-3c1e-4c55-9d0e-6f1b2a3c4d5e")
                    @PathParam("id")
                    String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("submission-not-found", "No submission " + id + " (ids are UUIDs)");
        }
        SubmissionView view = store.view(uuid)
                .orElseThrow(() -> ProblemException.notFound("submission-not-found", "No submission " + id));
        if (!caller.has(Roles.ADMIN) && !view.submittedBy().equals(caller.subject())) {
            throw ProblemException.of(
                    403,
                    "not-your-submission",
                    "Forbidden",
                    "Submission " + id + " was made by another submitter; you see only your own");
        }
        return view;
    }
}
