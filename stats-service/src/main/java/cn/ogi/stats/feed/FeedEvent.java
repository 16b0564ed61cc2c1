package cn.ogi.stats.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** One event of reporting-service's change feed, as it comes over the wire. */
public record FeedEvent(long seq, String type, String key, OffsetDateTime recordedAt, JsonNode payload) {

    public static final String JURISDICTION_UPSERTED = "jurisdiction.upserted";
    public static final String AGENCY_UPSERTED = "agency.upserted";
    public static final String REPORT_VERSION_CREATED = "report.version.created";
    public static final String REPORT_APPROVED = "report.approved";
    public static final String REPORT_REOPENED = "report.reopened";
}
