package cn.ogi.intake.rest;

import cn.ogi.intake.reading.PublishedReports;
import cn.ogi.intake.submission.SubmissionStore;
import cn.ogi.intake.submission.SubmissionView;
import cn.ogi.intake.submission.Submissions;
import cn.ogi.intake.submission.Submitting;
import cn.ogi.web.Caller;
import cn.ogi.web.IfMatch;
import cn.ogi.web.Params;
import cn.ogi.web.ProblemException;
import cn.ogi.web.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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
    @Operation(
            summary = "Submit one report in canonical JSON",
            description = "Checks the structure (every problem at once), the agency and the rules; 422 with every "
                    + "finding when refused. Otherwise stored and queued for delivery: 202 with Location. "
                    + "Idempotency-Key: the same key and body give the same submission (200); another body, 409. "
                    + "If-Match: \"n\" makes the correction conditional on the report being at version n. "
                    + "importedHistory=true (admins only, else 403): history imported from the agency's publication; "
                    + "stats then judges its lateness by its stated publishedOn however long ago it was.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
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
    @APIResponse(responseCode = "202", description = "Accepted; GET the Location for the delivery status")
    @APIResponse(
            responseCode = "422",
            description = "Refused, with every finding",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "unbalanced", ref = "unbalancedProblem")))
    public Response submit(
            byte[] body,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("If-Match") String ifMatch,
            @QueryParam("importedHistory") String importedHistory) {
        boolean imported = ImportedHistory.parse(importedHistory, caller);
        String json = RequestBodies.readUtf8(body, "report");
        Submissions.Stored stored = submitting.submitJson(
                json,
                RequestBodies.idempotencyKey(idempotencyKey),
                caller.scope(),
                IfMatch.expectedVersion(ifMatch),
                imported);
        return accepted(stored);
    }

    @POST
    @RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, PublishedMediaTypes.MARKDOWN, PublishedMediaTypes.PDF})
    @Operation(
            summary = "Submit a published report as published: its text, web page, Markdown or PDF",
            description = "Read into the canonical form as POST /api/v1/parse reads it and stored as published: "
                    + "broken rules are recorded as findings, not refused, so that supervisors see them. A correction "
                    + "of a report already received needs correctionReason. Only an unreadable source (422 saying "
                    + "why) or an unknown agency is refused. The text read is kept with the version (a PDF's text "
                    + "layer), and a PDF's bytes with their SHA-256.")
    public Response submitText(
            byte[] body,
            @QueryParam("agencyCode") String agencyCode,
            @QueryParam("year") String year,
            @QueryParam("correctionReason") String correctionReason,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            @QueryParam("importedHistory") String importedHistory) {
        boolean imported = ImportedHistory.parse(importedHistory, caller);
        return accepted(submitting.submitPublished(
                RequestBodies.readPublished(body, type, published.maxBytes()),
                agencyCode,
                Params.year("year", year),
                correctionReason,
                RequestBodies.idempotencyKey(idempotencyKey),
                caller.scope(),
                IfMatch.expectedVersion(ifMatch),
                imported));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
    @Operation(
            summary =
                    "Where a submission stands: RECEIVED, DELIVERED (with the report version) or REJECTED (with findings)")
    public SubmissionView get(@PathParam("id") String id) {
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

    static Response accepted(Submissions.Stored stored) {
        URI location = URI.create("/api/v1/submissions/" + stored.submission().id());
        return Response.status(stored.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(location)
                .entity(stored.submission())
                .build();
    }
}
