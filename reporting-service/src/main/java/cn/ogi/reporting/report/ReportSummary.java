package cn.ogi.reporting.report;

import java.time.OffsetDateTime;

/** A report in a listing: identity, status, latest version and how many findings it has. */
public record ReportSummary(
        String agencyCode,
        String agencyName,
        String jurisdiction,
        int year,
        String status,
        int version,
        int errorCount,
        int warningCount,
        OffsetDateTime firstSubmittedAt,
        OffsetDateTime updatedAt) {
}
