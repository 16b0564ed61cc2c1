package cn.ogi.intake.submission;

import cn.ogi.form.rules.Finding;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A submission and where it stands: RECEIVED (delivery pending), DELIVERED or REJECTED. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Submission", example = """
        {"id": "0b8a3f0e-3c1e-4c55-9d0e-6f1b2a3c4d5e", "status": "DELIVERED", "agencyCode": "11371500MB28532216",
         "year": 2023, "source": "api", "submittedBy": "liaocheng-ogi-system", "receivedAt": "2024-01-20T08:00:00Z",
         "version": 1, "unchanged": false, "findings": []}""")
public record SubmissionView(
        UUID id,

        @Schema(
                implementation = String.class,
                enumeration = {"RECEIVED", "DELIVERED", "REJECTED"})
        SubmissionStatus status,

        String agencyCode,
        int year,
        String source,
        String submittedBy,
        OffsetDateTime receivedAt,

        @Schema(description = "The report version at reporting-service once DELIVERED")
        Integer version,

        @Schema(description = "True when the content equalled the latest version: no new version")
        Boolean unchanged,

        @Schema(description = "Why reporting-service refused it, when REJECTED")
        String rejection,

        OffsetDateTime settledAt,
        List<Finding> findings) {}
