package cn.ogi.stats.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The items of the listings: records whose components are the listing's columns in order (their names the column
 * keys and the JSON fields), so that the JSON, the CSV and the XLSX sheets show the same fields.
 */
public final class ListingItems {

    private ListingItems() {}

    /** An expected agency-year without a report (the chase list, 催报), with the deadline it missed. */
    public record Missing(String code, String name, String kind, String jurisdiction, int year, String deadline)
            implements ResultRow {}

    /** A late first version: both of its dates, which one decided, and the deadline. */
    public record Late(
            String code,
            String name,
            String kind,
            String jurisdiction,
            int year,
            String firstSubmittedAt,
            String receivedOn,
            String publishedOn,
            boolean importedHistory,
            String filedOn,
            String decidedBy,
            String deadline)
            implements ResultRow {}

    /** A finding of a report's latest version. */
    public record Finding(
            String agencyCode,
            String agencyName,
            String jurisdiction,
            int year,
            int version,
            String rule,
            String severity,
            List<String> cells,
            String message)
            implements ResultRow {

        public Finding {
            cells = cells == null ? null : Collections.unmodifiableList(new ArrayList<>(cells));
        }
    }
}
