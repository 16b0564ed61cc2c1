package cn.ogi.intake.rest;

import cn.ogi.form.json.ReportJson;
import cn.ogi.form.rules.Finding;
import cn.ogi.intake.parse.ParseNote;
import cn.ogi.intake.submission.Submitting;
import cn.ogi.web.Caller;
import cn.ogi.web.Params;
import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/parse")
@Tag(name = "dry runs")
public class ParseResource {

    @Inject
    Submitting submitting;

    @Inject
    Caller caller;

    /** What the parser read: the canonical report, its edition, the rule findings and the parse notes. */
    public record Parsed(JsonNode report, String edition, List<Finding> findings, List<ParseNote> notes) {}

    @POST
    @RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(
            summary = "Read a published report's text into the canonical form, storing nothing",
            description = "Notes say which cells were blank, which labels were matched fuzzily, which numbers were "
                    + "inferred and what was not found. 422 when the text is not readable as a report.")
    public Parsed parse(byte[] body, @QueryParam("agencyCode") String agencyCode, @QueryParam("year") String year) {
        String text = RequestBodies.readText(body);
        Submitting.ParsedText parsed =
                submitting.parseText(text, agencyCode, Params.year("year", year), false, caller.scope());
        return new Parsed(
                ReportJson.standard().write(parsed.outcome().report()),
                parsed.outcome().edition(),
                parsed.findings(),
                parsed.outcome().notes());
    }
}
