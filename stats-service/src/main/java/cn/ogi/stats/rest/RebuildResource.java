package cn.ogi.stats.rest;

import cn.ogi.stats.rebuild.RebuildProgress;
import cn.ogi.stats.rebuild.RebuildResult;
import cn.ogi.stats.rebuild.RebuildService;
import cn.ogi.web.Problem;
import cn.ogi.web.audit.AuditTrail;
import cn.ogi.web.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stats/rebuild")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    @Inject
    RebuildService rebuild;

    @Inject
    AuditTrail audit;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "How far the running rebuild is (done / total, rate, time left), or how the last one ended",
            description =
                    "done and total are feed seqs: replayed so far, and the live cursor to reach (raised to the "
                            + "live cursor of the final, locking step when it starts). ratePerSecond is the average since the "
                            + "start, etaSeconds what is left at that rate (null when unknown). state idle: no rebuild since "
                            + "this instance started. The same figures are logged every few seconds while it runs. Admins only.")
    @APIResponse(
            responseCode = "200",
            description = "The progress of the running or the last rebuild",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RebuildProgress.class)))
    public RebuildProgress progress() {
        return rebuild.progress();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Rebuild the read model from seq 0 into shadow tables and compare it with the live one",
            description = "source=log (default) replays stats' own log of applied events; source=feed re-reads "
                    + "reporting-service's change feed from 0. The replay reaches the live cursor, then the live and "
                    + "rebuilt tables are compared (rollups cell by cell). swap=true replaces the live tables with the "
                    + "rebuilt ones when they differ; otherwise the differences are only reported. Admins only. "
                    + "Recorded in the audit trail (stats.rebuilt). The request is answered when the rebuild is done; "
                    + "meanwhile GET /api/v1/stats/rebuild says how far it is.")
    @APIResponse(
            responseCode = "200",
            description = "The replay: how far, how many events, whether the tables were equal, the differences and a "
                    + "sample",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RebuildResult.class)))
    @APIResponse(
            responseCode = "400",
            description = "source is not log or feed, or swap not true or false",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "source", ref = "invalidSource")))
    @APIResponse(
            responseCode = "409",
            description = "A rebuild is already running",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "running", ref = "rebuildRunning")))
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public RebuildResult rebuild(
            @Parameter(
                            description =
                                    "Where to replay from: log (stats' own log of applied events, default) or feed "
                                            + "(reporting-service's change feed from 0)",
                            example = "log")
                    @QueryParam("source")
                    @DefaultValue("log")
                    String source,
            @Parameter(
                            description =
                                    "true: replace the live tables by the rebuilt ones when they differ (default false)",
                            example = "false")
                    @QueryParam("swap")
                    @DefaultValue("false")
                    String swap) {
        RebuildService.Source from = switch (source.strip().toLowerCase(Locale.ROOT)) {
            case "log" -> RebuildService.Source.LOG;
            case "feed" -> RebuildService.Source.FEED;
            default -> throw QueryParameters.invalid("source", "must be log or feed, got '" + source + "'");
        };
        if (!swap.equals("true") && !swap.equals("false")) {
            throw QueryParameters.invalid("swap", "must be true or false, got '" + swap + "'");
        }
        RebuildResult result = rebuild.rebuild(from, Boolean.parseBoolean(swap));
        audit.recordAlone(new AuditTrail.Entry(
                "stats.rebuilt",
                "read-model",
                "seq " + result.replayedToSeq(),
                null,
                Map.of("source", source, "swap", swap, "equal", result.equal(), "swapped", result.swapped())));
        return result;
    }
}
