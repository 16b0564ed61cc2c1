package cn.ogi.reporting.rest;

import cn.ogi.reporting.feed.ChangePage;
import cn.ogi.reporting.feed.ChangeReader;
import cn.ogi.reporting.feed.ChangeType;
import cn.ogi.web.Params;
import cn.ogi.web.ProblemException;
import cn.ogi.web.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
                    + "types=a,b keeps only those event types.")
    public ChangePage changes(
            @QueryParam("after") String afterParameter,
            @QueryParam("limit") String limitParameter,
            @QueryParam("types") String types) {
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
