package cn.ogi.stats.memory;

import cn.ogi.stats.model.CompletenessRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The values a page of events (or a load from the tables) hands to a {@link MemoryModel}. */
public final class ModelRows {

    private ModelRows() {}

    /** A jurisdiction as the feed last described it. */
    public record NodeRow(String code, String name, String level, String parent) {}

    /** An agency; name, kind and jurisdiction are null for a placeholder (a report came before its agency). */
    public record AgencyRow(
            String code, String name, String kind, String jurisdiction, Integer reportsFrom, Integer reportsUntil) {}

    /** A late first version, with the dates that decided it. */
    public record LateReport(
            OffsetDateTime firstSubmittedAt,
            LocalDate publishedOn,
            boolean importedHistory,
            CompletenessRules.Judgement judgement) {}

    /** One finding of a report's latest version. */
    public record FindingItem(String rule, String severity, List<String> cells, String message) {}

    /** The findings of a report's latest version (which version that is, for the listing). */
    public record ReportFindings(int version, List<FindingItem> items) {}

    /** Where a report stands for the listings: received (always), late or not, its findings if any. */
    public record ReportStatus(String agencyCode, int year, LateReport late, ReportFindings findings) {}

    /** A rollup cell. */
    public record RollupKey(String node, int year, String cell) {}

    /**
     * What one page changed: the final state of every jurisdiction, agency and report status it touched, and
     * the rollup differences it wrote; {@code toSeq} is the cursor after it.
     */
    public record PageEffect(
            long toSeq,
            List<NodeRow> nodes,
            List<AgencyRow> agencies,
            List<ReportStatus> statuses,
            Map<RollupKey, BigDecimal> rollupDeltas) {}
}
