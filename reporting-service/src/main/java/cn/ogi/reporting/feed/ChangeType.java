package cn.ogi.reporting.feed;

/** The kinds of event in the change feed, with their names on the wire. */
public enum ChangeType {
    JURISDICTION_UPSERTED("jurisdiction.upserted"),
    AGENCY_UPSERTED("agency.upserted"),
    REPORT_VERSION_CREATED("report.version.created"),
    REPORT_APPROVED("report.approved"),
    REPORT_REOPENED("report.reopened");

    private final String wireName;

    ChangeType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
