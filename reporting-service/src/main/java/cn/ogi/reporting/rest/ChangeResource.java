package cn.ogi.reporting.rest;

import cn.ogi.reporting.feed.ChangePage;
import cn.ogi.reporting.feed.ChangeReader;
import cn.ogi.web.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/changes")
@Tag(name = "change feed")
public class ChangeResource {

    @Inject
    ChangeReader reader;

    @GET
    @Operation(summary = "Events after a seq, in order",
            description = "Types: jurisdiction.upserted, agency.upserted (payload: the record), report.version.created "
                    + "(payload: the version with its canonical report and findings), report.approved, report.reopened "
                    + "(payload: agencyCode, year, approval). Store lastSeq and ask again with after=lastSeq.")
    public ChangePage changes(@QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("500") int limit) {
        if (after < 0) {
            throw ProblemException.badRequest("invalid-parameters", "Parameter 'after' must be 0 or more, got " + after);
        }
        if (limit < 1 || limit > ChangeReader.MAX_LIMIT) {
            throw ProblemException.badRequest("invalid-parameters",
                    "Parameter 'limit' must be between 1 and " + ChangeReader.MAX_LIMIT + ", got " + limit);
        }
        return reader.after(after, limit);
    }
}
