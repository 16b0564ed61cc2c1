package cn.ogi.stats.model;

import cn.ogi.stats.memory.ModelRows.FindingItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A report (agency, year) while a page is applied: its row as read from the table (or new), changed by the
 * page's events, written back at the end. {@code cells} are the latest version's contribution (stated cells and
 * the {@code #} counters, see {@link Contribution}).
 */
final class ReportState {

    final String agencyCode;
    final int year;
    boolean exists;
    int version;
    String edition;
    String source;
    OffsetDateTime firstSubmittedAt;
    OffsetDateTime submittedAt;
    LocalDate firstPublishedOn;
    boolean firstImported;
    String status = "open";
    Integer approvedVersion;
    Map<String, BigDecimal> cells = Map.of();
    /** The latest version's findings; null when it has none. */
    List<FindingItem> findings;

    boolean rowChanged;
    boolean findingsChanged;

    ReportState(String agencyCode, int year) {
        this.agencyCode = agencyCode;
        this.year = year;
    }

    Key key() {
        return new Key(agencyCode, year);
    }

    record Key(String agencyCode, int year) {}
}
