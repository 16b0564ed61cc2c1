package cn.ogi.intake.rest;

import cn.ogi.form.rules.Finding;
import cn.ogi.intake.submission.ReportChecks;
import cn.ogi.intake.submission.Submitting;
import cn.ogi.web.Caller;
import cn.ogi.web.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/validate")
@Tag(name = "dry runs")
public class ValidateResource {

    @Inject
    Submitting submitting;

    @Inject
    Caller caller;

    /** The verdict of a dry run: valid when no finding would refuse the report. */
    public record Validation(boolean valid, List<Finding> findings) {}

    @POST
    @RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Check a report exactly as a submission would, storing nothing",
            description =
                    "200 with every finding (an empty list when the report is valid); warnings do not make it invalid.")
    public Validation validate(byte[] body) {
        ReportChecks.Checked checked = submitting.validate(RequestBodies.readUtf8(body, "report"), caller.scope());
        return new Validation(checked.accepted(), checked.findings());
    }
}
