package cn.ogi.reporting.rest;

import cn.ogi.form.diff.CellChange;
import cn.ogi.reporting.metrics.ReportingMetrics;
import cn.ogi.reporting.report.Approvals;
import cn.ogi.reporting.report.Report;
import cn.ogi.reporting.report.ReportQueries;
import cn.ogi.reporting.report.ReportSummary;
import cn.ogi.reporting.report.ReportView;
import cn.ogi.reporting.report.ReportWriter;
import cn.ogi.reporting.report.VersionReceipt;
import cn.ogi.reporting.report.VersionSubmission;
import cn.ogi.reporting.report.VersionView;
import cn.ogi.web.Caller;
import cn.ogi.web.EntityTags;
import cn.ogi.web.IfMatch;
import cn.ogi.web.Page;
import cn.ogi.web.Paging;
import cn.ogi.web.Params;
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
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
                            + "and agency (agencyCode: one agency's reports, newest year first)")
    public Page<ReportSummary> list(
            @QueryParam("jurisdiction") String jurisdiction,
            @QueryParam("year") String year,
            @QueryParam("agencyCode") String agencyCode,
            @QueryParam("status") String status,
            @QueryParam("hasFindings") String hasFindings,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
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
    @Operation(summary = "The latest version of a report, with an ETag; If-None-Match gives 304")
    public Response latest(
            @PathParam("agencyCode") String agencyCode,
            @PathParam("year") String yearParameter,
            @Context Request request) {
        int year = Params.requiredYear("year", yearParameter);
        Report report = visible(agencyCode, year);
        return EntityTags.okOrNotModified(request, report.entityTag(), queries.latest(report));
    }

    @GET
    @Path("{agencyCode}/{year}/versions")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Every version of a report (without content), oldest first")
    public List<VersionView> versions(
            @PathParam("agencyCode") String agencyCode, @PathParam("year") String yearParameter) {
        int year = Params.requiredYear("year", yearParameter);
        return queries.versions(visible(agencyCode, year));
    }

    @GET
    @Path("{agencyCode}/{year}/versions/{number}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "One version with its content, findings and, for text imports, the original text")
    public VersionView version(
            @PathParam("agencyCode") String agencyCode,
            @PathParam("year") String yearParameter,
            @PathParam("number") String numberParameter) {
        int year = Params.requiredYear("year", yearParameter);
        int number = Params.requiredInteger("number", numberParameter);
        return queries.versionView(visible(agencyCode, year), number);
    }

    @GET
    @Path("{agencyCode}/{year}/diff")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "The cells that differ between two versions: [{cell, from, to}]")
    public List<CellChange> diff(
            @PathParam("agencyCode") String agencyCode,
            @PathParam("year") String yearParameter,
            @QueryParam("from") String fromParameter,
            @QueryParam("to") String toParameter) {
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
    public Response original(
            @PathParam("agencyCode") String agencyCode,
            @PathParam("year") String yearParameter,
            @PathParam("number") String numberParameter,
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
                    + "published may come with it (originalMediaType, originalSha256, originalBytes in base64).")
    // the body may carry a published original in base64 (tens of MB): read with a string bound raised for it
    @CustomDeserialization(DeliveryReader.class)
    public Response deliver(
            @PathParam("agencyCode") String agencyCode,
            @PathParam("year") String yearParameter,
            @HeaderParam("Delivery-Key") String deliveryKey,
            @HeaderParam("If-Match") String ifMatch,
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
    @Operation(summary = "Approve (lock) a report; corrections are refused until it is reopened")
    public ReportView.ApprovalView approve(
            @PathParam("agencyCode") String agencyCode, @PathParam("year") String yearParameter, ApprovalRequest body) {
        int year = Params.requiredYear("year", yearParameter);
        visible(agencyCode, year);
        return approvals.approve(agencyCode, year, caller.subject(), body == null ? null : body.reason());
    }

    @POST
    @Path("{agencyCode}/{year}/reopen")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Reopen an approved report so that it can be corrected; a reason is required")
    public ReportView.ApprovalView reopen(
            @PathParam("agencyCode") String agencyCode, @PathParam("year") String yearParameter, ApprovalRequest body) {
        int year = Params.requiredYear("year", yearParameter);
        visible(agencyCode, year);
        return approvals.reopen(agencyCode, year, caller.subject(), body == null ? null : body.reason());
    }
}
