package cn.ogi.reporting.report;

import cn.ogi.form.rules.Finding;
import cn.ogi.web.openapi.ReportSchemas;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The latest version of a report, with its status and, when approved, the approval. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportView(
        String agencyCode,
        String agencyName,
        String jurisdiction,
        int year,
        String status,
        int version,
        String edition,
        OffsetDateTime firstSubmittedAt,
        OffsetDateTime submittedAt,
        String submittedBy,
        String source,
        String correctionReason,
        String contentSha256,
        List<Finding> findings,
        ApprovalView approval,

        @Schema(ref = ReportSchemas.REPORT, description = "The report in canonical JSON")
        JsonNode report) {

    /** Who approved or reopened the report, when, why, and at which version. */
    public record ApprovalView(String action, int version, String by, OffsetDateTime at, String reason) {}
}
