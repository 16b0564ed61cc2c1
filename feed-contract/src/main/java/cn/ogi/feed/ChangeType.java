package cn.ogi.feed;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of event in reporting-service's change feed: each with its name on the wire (an event's {@code type})
 * and the record its payload reads into. The names are a contract with every consumer: never rename one; a new
 * kind is a new constant, its payload record and its example (see the README).
 */
public enum ChangeType {
    JURISDICTION_UPSERTED("jurisdiction.upserted", JurisdictionUpserted.class),
    AGENCY_UPSERTED("agency.upserted", AgencyUpserted.class),
    REPORT_VERSION_CREATED("report.version.created", ReportVersionCreated.class),
    REPORT_APPROVED("report.approved", ApprovalChanged.class),
    REPORT_REOPENED("report.reopened", ApprovalChanged.class);

    private final String wireName;
    private final Class<? extends Record> payload;

    ChangeType(String wireName, Class<? extends Record> payload) {
        this.wireName = wireName;
        this.payload = payload;
    }

    public String wireName() {
        return wireName;
    }

    /** The record an event of this type carries as its payload. */
    public Class<? extends Record> payload() {
        return payload;
    }

    /** The type of this wire name; empty for a name this version does not know (a consumer skips such events). */
    public static Optional<ChangeType> ofWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    /** Every wire name, in declaration order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ChangeType::wireName).toList();
    }
}
