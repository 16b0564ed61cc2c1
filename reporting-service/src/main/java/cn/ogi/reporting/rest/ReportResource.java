package cn.ogi.reporting.rest;

import cn.ogi.reporting.report.Report;
import cn.ogi.reporting.report.ReportQueries;
import cn.ogi.reporting.report.ReportSummary;
import cn.ogi.reporting.report.ReportView;
import cn.ogi.reporting.report.VersionView;
import cn.ogi.web.Caller;
import cn.ogi.web.EntityTags;
import cn.ogi.web.Page;
import cn.ogi.web.Paging;
import cn.ogi.web.Params;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import cn.ogi.web.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The reports and their versions, read: the listing, the latest version, every version, one version. */
@Path("/api/v1/reports")
@Tag(name = "reports")
public class ReportResource {

    @Inject
    ReportQueries queries;

    @Inject
    VisibleReports visible;

    @Inject
    Caller caller;

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
    @APIResponse(responseCode = "400", ref = "ReportInvalidParameters")
    @APIResponse(responseCode = "403", ref = "ReportForbidden")
    @APIResponse(responseCode = "404", ref = "ReportNotFound")
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public Response latest(@BeanParam ReportPath path, @Context Request request) {
        int year = path.year();
        Report report = visible.of(path.agencyCode(), year);
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
    @APIResponse(responseCode = "400", ref = "ReportInvalidParameters")
    @APIResponse(responseCode = "403", ref = "ReportForbidden")
    @APIResponse(responseCode = "404", ref = "ReportNotFound")
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public List<VersionView> versions(@BeanParam ReportPath path) {
        int year = path.year();
        return queries.versions(visible.of(path.agencyCode(), year));
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
    @APIResponse(responseCode = "400", ref = "ReportInvalidParameters")
    @APIResponse(responseCode = "403", ref = "ReportForbidden")
    @APIResponse(responseCode = "404", ref = "VersionNotFound")
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public VersionView version(
            @BeanParam ReportPath path,
            @Parameter(description = "The version number, from 1", example = "2") @PathParam("number")
                    String numberParameter) {
        int year = path.year();
        int number = Params.requiredInteger("number", numberParameter);
        return queries.versionView(visible.of(path.agencyCode(), year), number);
    }
}
