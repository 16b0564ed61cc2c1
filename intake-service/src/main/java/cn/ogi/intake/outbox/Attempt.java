package cn.ogi.intake.outbox;

import cn.ogi.feed.VersionReceipt;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.FindingsJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** What one delivery attempt came to: delivered, refused for good, or failed and to be retried. */
record Attempt(Kind kind, VersionReceipt receipt, String reason, List<Finding> findings) {

    enum Kind {
        DELIVERED,
        REFUSED,
        FAILED
    }

    static Attempt delivered(VersionReceipt receipt) {
        return new Attempt(Kind.DELIVERED, receipt, null, receipt.findings());
    }

    static Attempt failed(String reason) {
        return new Attempt(Kind.FAILED, null, reason, List.of());
    }

    /** A refusal keeps reporting-service's problem detail and findings for the submitter. */
    static Attempt refused(int status, String problemJson, ObjectMapper json) {
        try {
            JsonNode problem = json.readTree(problemJson);
            String detail = problem.path("detail").asText("reporting-service refused the report with " + status);
            List<Finding> findings = FindingsJson.decode(problem.get("findings"));
            return new Attempt(Kind.REFUSED, null, detail, findings);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            // not JSON, or findings of another shape: the status is all there is to say
            return new Attempt(Kind.REFUSED, null, "reporting-service refused the report with " + status, List.of());
        }
    }

    /**
     * Refusals that another attempt cannot change: the report is locked (409), a stale If-Match (412),
     * or content reporting-service will not store (400, 404, 422; 413: a published original beyond its
     * reporting.original.max-bytes, which no retry makes smaller). Anything else, including 401/403
     * from a misconfigured service token, is retried: it is ours to fix, not the submitter's.
     */
    static boolean isFinalRefusal(int status) {
        return status == 400 || status == 404 || status == 409 || status == 412 || status == 413 || status == 422;
    }
}
