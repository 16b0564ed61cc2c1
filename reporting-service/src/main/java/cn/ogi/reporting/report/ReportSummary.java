package cn.ogi.reporting.report;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report in a listing: identity, status, latest version and how many findings it has. */
@Schema(name = "ReportSummary", example = """
        {"agencyCode": "11371500MB28532216", "agencyName": "聊城市市场监督管理局", "jurisdiction": "371500", "year": 2023,
         "status": "open", "version": 1, "errorCount": 0, "warningCount": 1,
         "firstSubmittedAt": "2024-01-20T08:00:00Z", "updatedAt": "2024-01-20T08:00:00Z"}""")
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
        OffsetDateTime updatedAt) {}
