package cn.ogi.intake.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * The body of a delivery to reporting-service (its VersionSubmission); importedHistory: an admin's mark. The
 * document as published, when the submission has one, travels in the last three fields (absent otherwise):
 * its media type, the lower-case hex SHA-256 of its bytes, and the bytes in base64 (RFC 4648, no line breaks).
 */
public record VersionDelivery(
        JsonNode report,
        String source,
        String originalText,
        String submittedBy,
        OffsetDateTime submittedAt,
        boolean importedHistory,
        @JsonInclude(JsonInclude.Include.NON_NULL) String originalMediaType,
        @JsonInclude(JsonInclude.Include.NON_NULL) String originalSha256,
        @JsonInclude(JsonInclude.Include.NON_NULL) String originalBytes) {}
