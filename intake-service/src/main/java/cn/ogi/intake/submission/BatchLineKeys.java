package cn.ogi.intake.submission;

import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.AnnualReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The idempotency key each line of a batch is stored under, so that a batch sent again repeats nothing: the line's
 * own ({@code {"idempotencyKey": "…", "report": {…}}}), else {@code K#n} with the batch's Idempotency-Key K, else one
 * derived from the content.
 */
final class BatchLineKeys {

    private BatchLineKeys() {}

    /** {@code {"idempotencyKey": "…", "report": {…}}}: a line that carries its own key. */
    static boolean isEnvelope(JsonNode node) {
        return node instanceof ObjectNode o
                && o.path("report").isObject()
                && !o.has("edition")
                && !o.has("agencyCode")
                && o.size() <= 2
                && (o.size() == 1 || o.has("idempotencyKey"));
    }

    /**
     * The key of line {@code line}: its own, the batch's with the line number, or the content's ({@code canonical}:
     * the report's canonical JSON, whose hash is {@link ReportJson#sha256}'s).
     */
    static String storedUnder(String lineKey, String batchKey, int line, AnnualReport report, String canonical) {
        if (lineKey != null) {
            return lineKey;
        }
        if (batchKey != null) {
            return batchKey + "#" + line;
        }
        return "content:" + report.agencyCode() + "/" + report.year() + "/" + ReportJson.sha256(canonical);
    }
}
