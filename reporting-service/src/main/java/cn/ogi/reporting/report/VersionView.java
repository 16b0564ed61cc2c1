package cn.ogi.reporting.report;

import cn.ogi.form.rules.Finding;
import cn.ogi.web.openapi.ReportSchemas;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One version of a report with its content; also the payload of a {@code report.version.created} event.
 * {@code importedHistory} is true for history an admin imported and marked (absent otherwise). {@code original}
 * describes the document as published that came with the version, and where to get it; null (shown as null) for a
 * version delivered without one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionView(
        String agencyCode,
        int year,
        int version,
        String edition,
        String source,
        String submittedBy,
        OffsetDateTime submittedAt,
        String correctionReason,
        String contentSha256,
        List<Finding> findings,

        @Schema(ref = ReportSchemas.REPORT, description = "The report in canonical JSON (absent in listings)")
        JsonNode report,

        String originalText,
        Boolean importedHistory,
        @JsonInclude(JsonInclude.Include.ALWAYS) OriginalView original) {}
