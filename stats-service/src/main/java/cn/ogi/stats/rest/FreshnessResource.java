package cn.ogi.stats.rest;

import cn.ogi.stats.export.CsvExport;
import cn.ogi.stats.export.Table;
import cn.ogi.stats.export.XlsxExport;
import cn.ogi.stats.query.Freshness;
import cn.ogi.stats.query.FreshnessQueries;
import cn.ogi.web.Params;
import cn.ogi.web.Problem;
import cn.ogi.web.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** /freshness: how far the read model is behind reporting-service's change feed (JSON, CSV or XLSX; an ETag). */
@Path("/api/v1/stats/freshness")
@Tag(name = "stats")
@RolesAllowed({Roles.VIEWER, Roles.SUPERVISOR, Roles.ADMIN})
@Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE, XlsxExport.MEDIA_TYPE})
public class FreshnessResource {

    private static final String INVALID_LIVE = """
            {"type": "https://ogi.example.cn/problems/invalid-parameters", "title": "Bad request", "status": 400,
             "detail": "Parameter 'live' must be true or false, got 'yes'", "instance": "/api/v1/stats/freshness",
             "errors": [{"field": "live", "message": "must be true or false, got 'yes'"}]}""";

    @Inject
    FreshnessQueries freshness;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            summary = "The last applied seq, reporting-service's latest seq and the lag",
            description = "latestSeq comes from the last page fetched, or from reporting-service now with live=true.")
    @APIResponse(
            responseCode = "200",
            description = "How far the read model is behind reporting-service's change feed; JSON, CSV or XLSX",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Freshness.class)),
                @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = XlsxExport.MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "304", ref = "StatsNotModified")
    @APIResponse(
            responseCode = "400",
            description = "live is not true or false",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "live", value = INVALID_LIVE)))
    @APIResponse(responseCode = "503", ref = "StatsUnavailable")
    public Response freshness(
            @Parameter(
                            description = "true: ask reporting-service for its latest seq now (default false: from the "
                                    + "last page fetched)",
                            example = "false")
                    @QueryParam("live")
                    String live) {
        Freshness f = freshness.freshness(Params.bool("live", live).orElse(false));
        return Representations.respond(
                request,
                uri,
                f.asOfSeq() + "." + Integer.toHexString(f.hashCode()),
                f,
                () -> List.of(Table.of(f)),
                "stats-freshness");
    }
}
