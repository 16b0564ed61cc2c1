package cn.ogi.reporting.rest;

import cn.ogi.feed.VersionReceipt;
import cn.ogi.form.diff.CellChange;
import cn.ogi.reporting.metrics.ReportingMetrics;
import cn.ogi.reporting.report.Approvals;
import cn.ogi.reporting.report.Report;
import cn.ogi.reporting.report.ReportQueries;
import cn.ogi.reporting.report.ReportSummary;
import cn.ogi.reporting.report.ReportView;
import cn.ogi.reporting.report.ReportWriter;
import cn.ogi.reporting.report.VersionSubmission;
import cn.ogi.reporting.report.VersionView;
import cn.ogi.web.Caller;
import cn.ogi.web.EntityTags;
import cn.ogi.web.IfMatch;
import cn.ogi.web.Page;
import cn.ogi.web.Paging;
import cn.ogi.web.Params;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import cn.ogi.web.auth.Roles;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports")
@Tag(name = "reports")
public class ReportResource {

    @Inject
    ReportQueries queries;

    @Inject
    ReportWriter writer;

    @Inject
    Approvals approvals;

    @Inject
    Caller caller;

    @Inject
    ReportingMetrics metrics;

    /** The body of an approval or a reopening. */
    @Schema(name = "ApprovalRequest", example = """
            {"reason": "checked against the report published on the agency's site"}""")
    public record ApprovalRequest(String reason) {}

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(
            summary =
                    "Reports in a jurisdiction's subtree, by year, status (open|approved), whether they have findings, "
                            + "and agency (agencyCode: one agency's reports, newest year first)",
            description = "Supervisors and admins. Without jurisdiction: the caller's own node (an admin's: all). "
                    + "Each report: its agency, status, latest version and how many error and warning findings it "
                    + "has. Paged: page from 0, size 1 to 500 (default 50).")
    @APIResponse(
            responseCode = "200",
            description = "One page of reports and the total that match",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "ReportPage"),
                            examples = @ExampleObject(name = "open-2023", ref = "reportPage")))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (status, year, a division code, page or size)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "status", ref = "invalidStatus")))
    @APIResponse(
            responseCode = "403",
            description = "The token's roles do not allow it, or jurisdiction is outside the caller's",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "outside-jurisdiction", ref = "outsideJurisdiction")))
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public Page<ReportSummary> list(
            @Parameter(
                            description =
                                    "The jurisdiction (GB/T 2260) whose subtree is listed; default the caller's own",
                            example = "371500")
                    @QueryParam("jurisdiction")
                    String jurisdiction,
            @Parameter(description = "Only reports of this year, 2000 to 2100", example = "2023") @QueryParam("year")
                    String year,
            @Parameter(
                            description = "Only this agency's reports (its 统一社会信用代码), newest year first",
                            example = "11371500MB28532216")
                    @QueryParam("agencyCode")
                    String agencyCode,
            @Parameter(description = "Only reports in this status: open or approved", example = "open")
                    @QueryParam("status")
                    String status,
            @Parameter(description = "true: only reports with findings; false: only those without", example = "true")
                    @QueryParam("hasFindings")
                    String hasFindings,
            @Parameter(description = "The page, from 0 (default 0)", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Reports per page, 1 to 500 (default 50)", example = "50") @QueryParam("size")
                    String size) {
        if (status != null && !List.of(Report.OPEN, Report.APPROVED).contains(status)) {
            throw ProblemException.badRequest(
                    "invalid-parameters",
                    "Parameter 'status' must be open or approved, got '" + Params.shown(status) + "'");
        }
        return queries.list(
                caller.nodeOrOwnOrAll(jurisdiction, "jurisdiction"),
                Params.year("year", year),
                status,
                Params.bool("hasFindings", hasFindings).orElse(null),
                agencyCode == null || agencyCode.isBlank() ? null : agencyCode.strip(),
                Paging.of(page, size));
    }

    @GET
    @Path("{agencyCode}/{year}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(
            summary = "The latest version of a report, with an ETag; If-None-Match gives 304",
            description = "The canonical report with its status (open or approved, with the approval), version, "
                    + "edition, who submitted it and how (api or text), the correction's reason and the findings "
                    + "stored with it. ETag: \"<version>\".")
    @APIResponse(
            responseCode = "200",
            description = "The latest version; ETag names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportView.class),
                            examples = @ExampleObject(name = "legacy", ref = "reportLatest")))
    @APIResponse(responseCode = "304", description = "If-None-Match names the latest version: not modified")
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (a year out of 2000 to 2100, a version that is not a number)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "year", ref = "invalidYear")))
    @APIResponse(
            responseCode = "403",
            description = "The token's roles do not allow it, or the report's agency is outside the caller's "
                    + "jurisdiction",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "outside-jurisdiction", ref = "outsideJurisdiction")))
    @APIResponse(
            responseCode = "404",
            description = "No such agency in the registry, or no report of it for the year",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "agency", ref = "agencyNotFound"),
                                @ExampleObject(name = "report", ref = "reportNotFound")
                            }))
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public Response latest(
            @Parameter(description = "The agency's 统一社会信用代码 (18 characters)", example = "11371500MB28532216")
                    @PathParam("agencyCode")
                    String agencyCode,
            @Parameter(description = "The reporting year, 2000 to 2100", example = "2023") @PathParam("year")
                    String yearParameter,
            @Context Request request) {
        int year = Params.requiredYear("year", yearParameter);
        Report report = visible(agencyCode, year);
        return EntityTags.okOrNotModified(request, report.entityTag(), queries.latest(report));
    }

    @GET
    @Path("{agencyCode}/{year}/versions")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(
            summary = "Every version of a report (without content), oldest first",
            description = "Each version's number, edition, source, submitter, time, correction reason, content hash, "
                    + "findings and, when it came with one, its document as published (original).")
    @APIResponse(
            responseCode = "200",
            description = "The versions, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = VersionView.class),
                            examples = @ExampleObject(name = "two", ref = "versionList")))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (a year out of 2000 to 2100, a version that is not a number)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "year", ref = "invalidYear")))
    @APIResponse(
            responseCode = "403",
            description = "The token's roles do not allow it, or the report's agency is outside the caller's "
                    + "jurisdiction",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "outside-jurisdiction", ref = "outsideJurisdiction")))
    @APIResponse(
            responseCode = "404",
            description = "No such agency in the registry, or no report of it for the year",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "agency", ref = "agencyNotFound"),
                                @ExampleObject(name = "report", ref = "reportNotFound")
                            }))
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public List<VersionView> versions(
            @Parameter(description = "The agency's 统一社会信用代码 (18 characters)", example = "11371500MB28532216")
                    @PathParam("agencyCode")
                    String agencyCode,
            @Parameter(description = "The reporting year, 2000 to 2100", example = "2023") @PathParam("year")
                    String yearParameter) {
        int year = Params.requiredYear("year", yearParameter);
        return queries.versions(visible(agencyCode, year));
    }

    @GET
    @Path("{agencyCode}/{year}/versions/{number}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(
            summary = "One version with its content, findings and, for text imports, the original text",
            description = "The version as stored: the canonical report, the findings, and for a report read from "
                    + "its publication the text read (originalText) and the document as published (original, "
                    + "served by …/original).")
    @APIResponse(
            responseCode = "200",
            description = "The version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionView.class),
                            examples = @ExampleObject(name = "imported", ref = "versionText")))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (a year out of 2000 to 2100, a version that is not a number)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "year", ref = "invalidYear")))
    @APIResponse(
            responseCode = "403",
            description = "The token's roles do not allow it, or the report's agency is outside the caller's "
                    + "jurisdiction",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "outside-jurisdiction", ref = "outsideJurisdiction")))
    @APIResponse(
            responseCode = "404",
            description = "No such agency in the registry, or no report of it for the year, or no such version",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "agency", ref = "agencyNotFound"),
                                @ExampleObject(name = "report", ref = "reportNotFound"),
                                @ExampleObject(name = "version", ref = "versionNotFound")
                            }))
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public VersionView version(
            @Parameter(description = "The agency's 统一社会信用代码 (18 characters)", example = "11371500MB28532216")
                    @PathParam("agencyCode")
                    String agencyCode,
            @Parameter(description = "The reporting year, 2000 to 2100", example = "2023") @PathParam("year")
                    String yearParameter,
            @Parameter(description = "The version number, from 1", example = "2") @PathParam("number")
                    String numberParameter) {
        int year = Params.requiredYear("year", yearParameter);
        int number = Params.requiredInteger("number", numberParameter);
        return queries.versionView(visible(agencyCode, year), number);
    }

    @GET
    @Path("{agencyCode}/{year}/diff")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(
            summary = "The cells that differ between two versions: [{cell, from, to}]",
            description = "Every cell key (in the form's order) whose value differs between version from and "
                    + "version to; null means absent or printed blank. from may be greater than to.")
    @APIResponse(
            responseCode = "200",
            description = "The cells that differ, in the order of the form",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = CellChange.class),
                            examples = @ExampleObject(name = "correction", ref = "diff")))
    @APIResponse(
            responseCode = "400",
            description = "from or to missing or not a number, or an invalid year",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "from-to", ref = "fromToRequired"),
                                @ExampleObject(name = "year", ref = "invalidYear")
                            }))
    @APIResponse(
            responseCode = "403",
            description = "The token's roles do not allow it, or the report's agency is outside the caller's "
                    + "jurisdiction",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "outside-jurisdiction", ref = "outsideJurisdiction")))
    @APIResponse(
            responseCode = "404",
            description = "No such agency in the registry, or no report of it for the year, or no such version",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "agency", ref = "agencyNotFound"),
                                @ExampleObject(name = "report", ref = "reportNotFound"),
                                @ExampleObject(name = "version", ref = "versionNotFound")
                            }))
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public List<CellChange> diff(
            @Parameter(description = "The agency's 统一社会信用代码 (18 characters)", example = "11371500MB28532216")
                    @PathParam("agencyCode")
                    String agencyCode,
            @Parameter(description = "The reporting year, 2000 to 2100", example = "2023") @PathParam("year")
                    String yearParameter,
            @Parameter(description = "The version to compare from", example = "1") @QueryParam("from")
                    String fromParameter,
            @Parameter(description = "The version to compare to", example = "2") @QueryParam("to") String toParameter) {
        Integer from = Params.integer("from", fromParameter);
        Integer to = Params.integer("to", toParameter);
        int year = Params.requiredYear("year", yearParameter);
        if (from == null || to == null) {
            throw ProblemException.badRequest(
                    "invalid-parameters", "Parameters 'from' and 'to' (version numbers) are required");
        }
        return queries.diff(visible(agencyCode, year), from, to);
    }

    @GET
    @Path("{agencyCode}/{year}/versions/{number}/original")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(
            summary = "The document as published that came with a version (PDF, HTML, Markdown, text), as it came",
            description = "Content-Type as delivered, ETag \"<sha256>\" (If-None-Match gives 304), served inline as "
                    + "<agencyCode>-<year>-v<n>.<pdf|html|md|txt>. 404 when the version does not exist or was "
                    + "delivered without one (JSON submissions).")
    @APIResponse(
            responseCode = "200",
            description = "The document as published, in its own media type",
            content = {
                @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = "text/markdown", schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "304", description = "If-None-Match names the document's SHA-256: not modified")
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (a year out of 2000 to 2100, a version that is not a number)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "year", ref = "invalidYear")))
    @APIResponse(
            responseCode = "403",
            description = "The token's roles do not allow it, or the report's agency is outside the caller's "
                    + "jurisdiction",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "outside-jurisdiction", ref = "outsideJurisdiction")))
    @APIResponse(
            responseCode = "404",
            description = "No such agency, report or version, or the version came without a document as published",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "agency", ref = "agencyNotFound"),
                                @ExampleObject(name = "report", ref = "reportNotFound"),
                                @ExampleObject(name = "version", ref = "versionNotFound"),
                                @ExampleObject(name = "no-original", ref = "originalNotFound")
                            }))
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public Response original(
            @Parameter(description = "The agency's 统一社会信用代码 (18 characters)", example = "11371500MB28532216")
                    @PathParam("agencyCode")
                    String agencyCode,
            @Parameter(description = "The reporting year, 2000 to 2100", example = "2023") @PathParam("year")
                    String yearParameter,
            @Parameter(description = "The version number, from 1", example = "2") @PathParam("number")
                    String numberParameter,
            @Context Request request) {
        int year = Params.requiredYear("year", yearParameter);
        int number = Params.requiredInteger("number", numberParameter);
        Report report = visible(agencyCode, year);
        return Originals.serve(request, report, number, queries.original(report, number));
    }

    /** The report, if the caller's jurisdiction covers its agency (403 otherwise, 404 if none). */
    private Report visible(String agencyCode, int year) {
        caller.requireCovers(queries.jurisdictionOf(agencyCode), "the report of " + agencyCode);
        return queries.report(agencyCode, Years.check("year", year));
    }

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
            @Parameter(description = "The agency's 统一社会信用代码 (18 characters)", example = "11371500MB28532216")
                    @PathParam("agencyCode")
                    String agencyCode,
            @Parameter(description = "The reporting year, 2000 to 2100", example = "2023") @PathParam("year")
                    String yearParameter,
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
        int year = Params.requiredYear("year", yearParameter);
        VersionReceipt receipt = writer.deliver(
                agencyCode,
                Years.check("year", year),
                DeliveryKeys.check(deliveryKey),
                IfMatch.expectedVersion(ifMatch),
                submission);
        metrics.delivered(receipt);
        boolean created = !receipt.unchanged() && !receipt.replayed();
        URI location = URI.create("/api/v1/reports/" + agencyCode + "/" + year + "/versions/" + receipt.version());
        return (created ? Response.created(location) : Response.ok().location(location))
                .entity(receipt)
                .build();
    }

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
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (a year out of 2000 to 2100, a version that is not a number)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "year", ref = "invalidYear")))
    @APIResponse(
            responseCode = "403",
            description = "The token's roles do not allow it, or the report's agency is outside the caller's "
                    + "jurisdiction",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "outside-jurisdiction", ref = "outsideJurisdiction")))
    @APIResponse(
            responseCode = "404",
            description = "No such agency in the registry, or no report of it for the year",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "agency", ref = "agencyNotFound"),
                                @ExampleObject(name = "report", ref = "reportNotFound")
                            }))
    @APIResponse(
            responseCode = "409",
            description = "The report is approved already",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "already-approved", ref = "alreadyApproved")))
    @APIResponse(responseCode = "415", description = "A Content-Type other than application/json")
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public ReportView.ApprovalView approve(
            @Parameter(description = "The agency's 统一社会信用代码 (18 characters)", example = "11371500MB28532216")
                    @PathParam("agencyCode")
                    String agencyCode,
            @Parameter(description = "The reporting year, 2000 to 2100", example = "2023") @PathParam("year")
                    String yearParameter,
            ApprovalRequest body) {
        int year = Params.requiredYear("year", yearParameter);
        visible(agencyCode, year);
        return approvals.approve(agencyCode, year, caller.subject(), body == null ? null : body.reason());
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
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (a year out of 2000 to 2100, a version that is not a number)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "year", ref = "invalidYear")))
    @APIResponse(
            responseCode = "403",
            description = "The token's roles do not allow it, or the report's agency is outside the caller's "
                    + "jurisdiction",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "outside-jurisdiction", ref = "outsideJurisdiction")))
    @APIResponse(
            responseCode = "404",
            description = "No such agency in the registry, or no report of it for the year",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "agency", ref = "agencyNotFound"),
                                @ExampleObject(name = "report", ref = "reportNotFound")
                            }))
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
    public ReportView.ApprovalView reopen(
            @Parameter(description = "The agency's 统一社会信用代码 (18 characters)", example = "11371500MB28532216")
                    @PathParam("agencyCode")
                    String agencyCode,
            @Parameter(description = "The reporting year, 2000 to 2100", example = "2023") @PathParam("year")
                    String yearParameter,
            ApprovalRequest body) {
        int year = Params.requiredYear("year", yearParameter);
        visible(agencyCode, year);
        return approvals.reopen(agencyCode, year, caller.subject(), body == null ? null : body.reason());
    }
}
