package cn.ogi.intake.rest;

import cn.ogi.web.Caller;
import cn.ogi.web.IfMatch;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What a submission takes beside its body, in JSON and as published alike — the Idempotency-Key, If-Match and
 * importedHistory — documented once and each checked as the submission reads it (400 naming a bad one).
 */
public class SubmissionOptions {

    @Parameter(description = SubmissionDocs.IDEMPOTENCY_KEY, example = "liaocheng-2023-0042")
    @HeaderParam("Idempotency-Key")
    String idempotencyKey;

    @Parameter(description = SubmissionDocs.IF_MATCH, example = "\"1\"")
    @HeaderParam("If-Match")
    String ifMatch;

    @Parameter(description = SubmissionDocs.IMPORTED_HISTORY, example = "false")
    @QueryParam(ImportedHistory.PARAMETER)
    String importedHistory;

    /** The Idempotency-Key, checked; null without one. */
    String idempotencyKey() {
        return RequestBodies.idempotencyKey(idempotencyKey);
    }

    /** The version If-Match names; null without one. */
    Integer expectedVersion() {
        return IfMatch.expectedVersion(ifMatch);
    }

    /** Whether the report is history an admin imports (403 for anyone else asking for it). */
    boolean importedHistory(Caller caller) {
        return ImportedHistory.parse(importedHistory, caller);
    }
}
