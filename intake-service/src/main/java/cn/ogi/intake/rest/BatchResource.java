package cn.ogi.intake.rest;

import cn.ogi.intake.metrics.IntakeMetrics;
import cn.ogi.intake.submission.BatchSubmitting;
import cn.ogi.intake.submission.LineResult;
import cn.ogi.web.Caller;
import cn.ogi.web.Problem;
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
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

@Path("/api/v1/submissions/batch")
@Tag(name = "submissions")
public class BatchResource {

    private static final Logger LOG = Logger.getLogger(BatchResource.class);

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
    @RequestBody(
            description = "NDJSON: one canonical report (or {idempotencyKey, report}) per line, UTF-8, streamed",
            content = {
                @Content(
                        mediaType = NDJSON,
                        schema = @Schema(type = SchemaType.STRING, description = "Lines of AnnualReport JSON"),
                        examples = @ExampleObject(name = "two-lines", ref = "batchLines")),
                @Content(
                        mediaType = "application/jsonl",
                        schema = @Schema(type = SchemaType.STRING, description = "Lines of AnnualReport JSON"),
                        examples = @ExampleObject(name = "two-lines", ref = "batchLines")),
                @Content(
                        mediaType = "text/plain",
                        schema = @Schema(type = SchemaType.STRING, description = "Lines of AnnualReport JSON"),
                        examples = @ExampleObject(name = "two-lines", ref = "batchLines"))
            })
    @APIResponse(
            responseCode = "200",
            description = "NDJSON, streamed: one result per non-blank line in order, then one summary line",
            content =
                    @Content(
                            mediaType = NDJSON,
                            schema = @Schema(implementation = LineResult.class),
                            examples = @ExampleObject(name = "results", ref = "batchResults")))
    @APIResponse(
            responseCode = "400",
            description = "An invalid Idempotency-Key (a bad line is answered in the stream instead)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid-idempotency-key", ref = "invalidIdempotencyKey")))
    @APIResponse(
            responseCode = "403",
            description = "The token's roles do not allow it, or importedHistory=true without the admin role (an "
                    + "agency outside the jurisdiction is a line with status forbidden)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "imported-history", ref = "importedHistoryAdminOnly")))
    @APIResponse(responseCode = "415", description = "A Content-Type other than those listed")
    public StreamingOutput submit(
            InputStream body,
            @Parameter(
                            description = "1 to 200 printable characters: line n is stored under K#n, so that the same "
                                    + "batch sent again repeats nothing",
                            example = "liaocheng-2023-batch-7")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            @Parameter(
                            description = "true marks every line as history imported from the agencies' publications "
                                    + "(admins only; default false)",
                            example = "false")
                    @QueryParam("importedHistory")
                    String importedHistory) {
        RequestBodies.idempotencyKey(idempotencyKey);
        Scope scope = caller.scope();
        boolean imported = ImportedHistory.parse(importedHistory, caller);
        return results -> metrics.batch(afterTheWholeBody(body, results, idempotencyKey, scope, imported));
    }

    /**
     * The lines' results are kept in a file until the whole body has been read, then sent. Sending them as they came
     * deadlocked a client that reads the answer only once it has sent its request (java.net.http's HttpClient, most
     * HTTP libraries): a batch of 20,000 lines filled the socket buffers both ways — intake waiting for the client to
     * read, the client for intake to read — and neither moved again.
     */
    private Map<String, Integer> afterTheWholeBody(
            InputStream body, OutputStream results, String idempotencyKey, Scope scope, boolean imported)
            throws IOException {
        java.nio.file.Path spool = Files.createTempFile("ogi-batch-results-", ".ndjson");
        try {
            Map<String, Integer> counts;
            try (OutputStream spooled = new BufferedOutputStream(Files.newOutputStream(spool))) {
                counts = batches.submit(body, spooled, idempotencyKey, scope, imported);
            }
            try {
                Files.copy(spool, results);
            } catch (IOException gone) {
                // the client went away before reading its answer: what was stored stays stored, and the same batch
                // sent again under its key repeats nothing
                LOG.infof("batch answer not read by the client: %s", gone.getMessage());
            }
            return counts;
        } finally {
            Files.deleteIfExists(spool);
        }
    }
}
