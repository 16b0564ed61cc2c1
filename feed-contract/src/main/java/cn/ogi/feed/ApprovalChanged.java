package cn.ogi.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;

/**
 * The payload of {@code report.approved} and {@code report.reopened}: the report (agency and year) and the approval
 * event — its action (approved or reopened), the version it concerns, who, when and why.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApprovalChanged(String agencyCode, Integer year, Approval approval) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Approval(String action, Integer version, String by, OffsetDateTime at, String reason) {}
}
