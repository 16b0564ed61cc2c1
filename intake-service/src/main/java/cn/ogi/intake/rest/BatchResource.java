package cn.ogi.intake.rest;

import cn.ogi.intake.metrics.IntakeMetrics;
import cn.ogi.intake.submission.BatchSubmitting;
import cn.ogi.web.Caller;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.auth.Scope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/submissions/batch")
@Tag(name = "submissions")
public class BatchResource {

    static final String NDJSON = "application/x-ndjson";

    @Inject
    BatchSubmitting batches;

    @Inject
    Caller caller;

    @Inject
    IntakeMetrics metrics;

    @POST
    @RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
    @Consumes({NDJSON, "application/jsonl", "text/plain"})
    @Produces(NDJSON)
    @Operation(
            summary = "Submit many reports as NDJSON (one canonical report per line), streamed",
            description = "Answers NDJSON, one result per non-blank line, in order: {line, status: accepted|repeated|"
                    + "rejected|invalid|forbidden|conflict|unavailable|error, id, location, idempotencyKey, detail, "
                    + "findings}, then one summary line {summary: {lines, accepted, repeated, …}}. Every line is "
                    + "answered whatever the others hold. A line may be {idempotencyKey, report}; otherwise line n is "
                    + "stored under K#n with the batch's Idempotency-Key K, or under a key derived from agency, year "
                    + "and content: sending the same batch again repeats nothing. importedHistory=true (admins only, "
                    + "else 403) marks every line as history imported from the agencies' publications: stats then "
                    + "trusts its stated publishedOn.")
    public StreamingOutput submit(
            InputStream body,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @QueryParam("importedHistory") String importedHistory) {
        RequestBodies.idempotencyKey(idempotencyKey);
        Scope scope = caller.scope();
        boolean imported = ImportedHistory.parse(importedHistory, caller);
        return results -> metrics.batch(batches.submit(body, results, idempotencyKey, scope, imported));
    }
}
