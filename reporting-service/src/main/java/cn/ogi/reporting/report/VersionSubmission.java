package cn.ogi.reporting.report;

import cn.ogi.web.openapi.ReportSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new version as delivered by intake: the canonical report, where it came from, and who sent it.
 * {@code originalText} is required for {@code source = "text"} (the report as published) unless the document as
 * published comes with it: {@code originalMediaType}, {@code originalSha256} and {@code originalBytes} (base64), all
 * three or none.
 */
@Schema(name = "VersionSubmission", example = """
        {"report": {"agencyCode": "11371500MB28532216", "year": 2023, "edition": "2021", "activeDisclosure": {"…": "…"},
                    "applications": {"…": "…"}, "reviews": {"…": "…"}},
         "source": "api", "submittedBy": "liaocheng-ogi-system", "submittedAt": "2024-01-20T08:00:00Z"}""")
public record VersionSubmission(
        @Schema(
                ref = ReportSchemas.REPORT,
                description = "The report in canonical JSON (REPORT-FORMAT.md)",
                required = true)
        JsonNode report,

        @Schema(
                enumeration = {"api", "text"},
                required = true)
        String source,

        String originalText,

        @Schema(description = "The submitter's subject", required = true)
        String submittedBy,

        @Schema(description = "When intake accepted the submission; defaults to now")
        OffsetDateTime submittedAt,

        @Schema(
                description = "History an admin imported from the agency's publication (intake's importedHistory): "
                        + "stats judges its lateness by its stated publishedOn. Absent: false")
        Boolean importedHistory,

        @Schema(
                description = "The media type of the document as published: application/pdf, text/html, "
                        + "text/markdown or text/plain (parameters such as charset allowed)",
                example = "application/pdf")
        String originalMediaType,

        @Schema(description = "Lower-case hex SHA-256 of the document's bytes (checked against originalBytes)")
        String originalSha256,

        @Schema(
                description = "The document as published, base64 (RFC 4648, no line breaks); at most "
                        + "reporting.original.max-bytes once decoded")
        String originalBytes) {

    /** As before the mark existed (absent: not imported history). */
    public VersionSubmission(
            JsonNode report, String source, String originalText, String submittedBy, OffsetDateTime submittedAt) {
        this(report, source, originalText, submittedBy, submittedAt, null);
    }

    /** As before originals were kept (no document as published). */
    public VersionSubmission(
            JsonNode report,
            String source,
            String originalText,
            String submittedBy,
            OffsetDateTime submittedAt,
            Boolean importedHistory) {
        this(report, source, originalText, submittedBy, submittedAt, importedHistory, null, null, null);
    }

    /** Whether any of the three original fields is present (then all three must be). */
    public boolean hasOriginal() {
        return originalMediaType != null || originalSha256 != null || originalBytes != null;
    }

    public boolean isImportedHistory() {
        return Boolean.TRUE.equals(importedHistory);
    }
}
