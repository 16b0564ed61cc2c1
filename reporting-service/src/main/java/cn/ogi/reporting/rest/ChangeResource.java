package cn.ogi.reporting.rest;

import cn.ogi.feed.ChangePage;
import cn.ogi.feed.ChangeType;
import cn.ogi.reporting.feed.ChangeReader;
import cn.ogi.web.Params;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import cn.ogi.web.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/changes")
@Tag(name = "change feed")
public class ChangeResource {

    @Inject
    ChangeReader reader;

    @GET
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
    @Operation(
            summary = "Events after a seq, in order",
            description = "Types: jurisdiction.upserted, agency.upserted (payload: the record), report.version.created "
                    + "(payload: the version with its canonical report and findings), report.approved, report.reopened "
                    + "(payload: agencyCode, year, approval). Store lastSeq and ask again with after=lastSeq. "
                    + "types=a,b keeps only those event types. For the services (role service) and admins; seq "
                    + "is gap-free and in commit order, so a consumer that stores lastSeq sees every event once.")
    @APIResponse(
            responseCode = "200",
            description = "The events after the seq (at most limit), lastSeq (after itself when none) and latestSeq",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChangePage.class),
                            examples = @ExampleObject(name = "two-events", ref = "changePage")))
    @APIResponse(
            responseCode = "400",
            description = "after below 0, limit out of 1 to 1000, an unknown type, or not an integer",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "limit", ref = "invalidLimit"),
                                @ExampleObject(name = "type", ref = "unknownType")
                            }))
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public ChangePage changes(
            @Parameter(description = "The seq after which to read (default 0: from the start)", example = "41")
                    @QueryParam("after")
                    String afterParameter,
            @Parameter(description = "Events at most, 1 to 1000 (default 500)", example = "500") @QueryParam("limit")
                    String limitParameter,
            @Parameter(
                            description = "Only these event types, comma-separated (default all)",
                            example = "agency.upserted,report.version.created")
                    @QueryParam("types")
                    String types) {
        Long afterValue = Params.longInteger("after", afterParameter);
        Integer limitValue = Params.integer("limit", limitParameter);
        long after = afterValue == null ? 0 : afterValue;
        int limit = limitValue == null ? 500 : limitValue;
        if (after < 0) {
            throw ProblemException.badRequest(
                    "invalid-parameters", "Parameter 'after' must be 0 or more, got " + after);
        }
        if (limit < 1 || limit > ChangeReader.MAX_LIMIT) {
            throw ProblemException.badRequest(
                    "invalid-parameters",
                    "Parameter 'limit' must be between 1 and " + ChangeReader.MAX_LIMIT + ", got " + limit);
        }
        List<String> wanted = types == null || types.isBlank()
                ? List.of()
                : Arrays.stream(types.split(",")).map(String::strip).toList();
        for (String type : wanted) {
            if (Arrays.stream(ChangeType.values()).noneMatch(t -> t.wireName().equals(type))) {
                throw ProblemException.badRequest(
                        "invalid-parameters",
                        "Parameter 'types' names an unknown event type '" + type + "'; known: "
                                + Arrays.stream(ChangeType.values())
                                        .map(ChangeType::wireName)
                                        .toList());
            }
        }
        return reader.after(after, limit, wanted);
    }
}
