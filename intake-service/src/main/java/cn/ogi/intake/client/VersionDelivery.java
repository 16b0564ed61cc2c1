package cn.ogi.intake.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** The body of a delivery to reporting-service (its VersionSubmission); importedHistory: an admin's mark. */
public record VersionDelivery(
        JsonNode report,
        String source,
        String originalText,
        String submittedBy,
        OffsetDateTime submittedAt,
        boolean importedHistory) {}
