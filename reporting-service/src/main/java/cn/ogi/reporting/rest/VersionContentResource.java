package cn.ogi.reporting.rest;

import cn.ogi.form.diff.CellChange;
import cn.ogi.reporting.report.Report;
import cn.ogi.reporting.report.ReportQueries;
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

/** What a report's versions hold: the cells that changed between two, the document as published with one. */
@Path("/api/v1/reports")
@Tag(name = "reports")
public class VersionContentResource {

    @Inject
    ReportQueries queries;

    @Inject
    VisibleReports visible;

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
    @APIResponse(responseCode = "403", ref = "ReportForbidden")
    @APIResponse(responseCode = "404", ref = "VersionNotFound")
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public List<CellChange> diff(
            @BeanParam ReportPath path,
            @Parameter(description = "The version to compare from", example = "1") @QueryParam("from")
                    String fromParameter,
            @Parameter(description = "The version to compare to", example = "2") @QueryParam("to") String toParameter) {
        Integer from = Params.integer("from", fromParameter);
        Integer to = Params.integer("to", toParameter);
        int year = path.year();
        if (from == null || to == null) {
            throw ProblemException.badRequest(
                    "invalid-parameters", "Parameters 'from' and 'to' (version numbers) are required");
        }
        return queries.diff(visible.of(path.agencyCode(), year), from, to);
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
    @APIResponse(responseCode = "400", ref = "ReportInvalidParameters")
    @APIResponse(responseCode = "403", ref = "ReportForbidden")
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
            @BeanParam ReportPath path,
            @Parameter(description = "The version number, from 1", example = "2") @PathParam("number")
                    String numberParameter,
            @Context Request request) {
        int year = path.year();
        int number = Params.requiredInteger("number", numberParameter);
        Report report = visible.of(path.agencyCode(), year);
        return Originals.serve(request, report, number, queries.original(report, number));
    }
}
