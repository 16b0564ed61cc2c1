package cn.ogi.feed;

import cn.ogi.form.rules.Finding;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The payload of {@code report.version.created}: the new version with its canonical report ({@code report}, the
 * canonical JSON of REPORT-FORMAT.md) and the findings stored with it. {@code correctionReason} is absent for a first
 * version, {@code importedHistory} absent unless true (history an admin imported); {@code original} is always there,
 * null for a version delivered without its document as published. The numbers are boxed so that a consumer reading
 * an incomplete payload sees null rather than 0.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportVersionCreated(
        String agencyCode,
        Integer year,
        Integer version,
        String edition,
        String source,
        String submittedBy,
        OffsetDateTime submittedAt,
        String correctionReason,
        String contentSha256,
        List<Finding> findings,
        JsonNode report,
        Boolean importedHistory,
        @JsonInclude(JsonInclude.Include.ALWAYS) Original original) {

    public ReportVersionCreated {
        findings = findings == null ? null : List.copyOf(findings);
    }

    /** The document as published that came with the version: media type, SHA-256 and size of its bytes, its URL. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Original(String mediaType, String sha256, long bytes, String href) {}
}
