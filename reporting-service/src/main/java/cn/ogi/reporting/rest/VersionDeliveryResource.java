package cn.ogi.reporting.rest;

import cn.ogi.feed.VersionReceipt;
import cn.ogi.reporting.metrics.ReportingMetrics;
import cn.ogi.reporting.report.DeliveryOutcome;
import cn.ogi.reporting.report.ReportWriter;
import cn.ogi.reporting.report.VersionSubmission;
import cn.ogi.web.IfMatch;
import cn.ogi.web.Problem;
import cn.ogi.web.auth.Roles;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A new version delivered by intake-service, one at a time (many at once: {@link DeliveryResource}). */
@Path("/api/v1/reports")
@Tag(name = "reports")
public class VersionDeliveryResource {

    @Inject
    ReportWriter writer;

    @Inject
    ReportingMetrics metrics;

    @POST
    @Path("{agencyCode}/{year}/versions")
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
    @Operation(
            summary = "Deliver a new version (used by intake-service)",
            description = "Idempotent by the Delivery-Key header: the same delivery twice gives the same version once. "
                    + "Identical content gives no new version (unchanged: true). If-Match: \"n\" refuses with 412 "
                    + "unless the report is at version n. An approved report refuses with 409. The document as "
                    + "published may come with it (originalMediaType, originalSha256, originalBytes in base64). "
                    + "For the role service (intake-service) and admins.")
    @RequestBody(
            description = "The version: the canonical report, its source, who sent it and when; the document as "
                    + "published optionally",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionSubmission.class),
                            examples = {@ExampleObject(name = "delivery", ref = "delivery")}))
    @APIResponse(
            responseCode = "201",
            description = "A new version; Location names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionReceipt.class),
                            examples = @ExampleObject(name = "created", ref = "receiptCreated")))
    @APIResponse(
            responseCode = "200",
            description = "No new version: the content equals the latest version, or the Delivery-Key was delivered "
                    + "before",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionReceipt.class),
                            examples = @ExampleObject(name = "unchanged", ref = "receiptUnchanged")))
    @APIResponse(
            responseCode = "400",
            description = "No Delivery-Key, an invalid If-Match or year, originalBytes not base64, unreadable JSON",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "delivery-key", ref = "deliveryKeyRequired"),
                                @ExampleObject(name = "year", ref = "invalidYear")
                            }))
    @APIResponse(
            responseCode = "409",
            description = "The report is approved (locked), or the Delivery-Key was used for another report",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "locked", ref = "reportLocked"),
                                @ExampleObject(name = "key-reused", ref = "deliveryKeyReused")
                            }))
    @APIResponse(
            responseCode = "412",
            description = "If-Match names another version than the latest",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "mismatch", ref = "versionMismatch")))
    @APIResponse(
            responseCode = "413",
            description = "Over reporting.http.max-body-size, or an original over reporting.original.max-bytes",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "too-large", ref = "deliveryTooLarge")))
    @APIResponse(responseCode = "415", description = "A Content-Type other than application/json")
    @APIResponse(
            responseCode = "422",
            description = "An unknown agency, a correction without correctionReason, a report that is not canonical",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "unknown-agency", ref = "unknownAgency"),
                                @ExampleObject(name = "correction-reason", ref = "correctionReasonRequired")
                            }))
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    // the body may carry a published original in base64 (tens of MB): read with a string bound raised for it
    @CustomDeserialization(DeliveryReader.class)
    public Response deliver(
            @BeanParam ReportPath path,
            @Parameter(
                            description =
                                    "1 to 200 characters, unique per delivery: the same delivery twice gives one version",
                            example = "intake-0b8a3f0e-3c1e-4c55-9d0e-6f1b2a3c4d5e")
                    @HeaderParam("Delivery-Key")
                    String deliveryKey,
            @Parameter(
                            description = "The version the report must be at, quoted (its ETag); 412 otherwise",
                            example = "\"1\"")
                    @HeaderParam("If-Match")
                    String ifMatch,
            VersionSubmission submission) {
        int year = path.year();
        DeliveryOutcome outcome = writer.deliver(
                path.agencyCode(),
                Years.check("year", year),
                DeliveryKeys.check(deliveryKey),
                IfMatch.expectedVersion(ifMatch),
                submission);
        if (!(outcome instanceof DeliveryOutcome.Stored stored)) {
            throw DeliveryAnswers.refusal((DeliveryOutcome.Refused) outcome);
        }
        metrics.delivered(stored.receipt());
        URI location = URI.create("/api/v1/reports/" + path.agencyCode() + "/" + year + "/versions/"
                + stored.receipt().version());
        return Response.status(DeliveryAnswers.status(outcome))
                .location(location)
                .entity(stored.receipt())
                .build();
    }
}
