package cn.ogi.stats.model;

import cn.ogi.stats.feed.FeedEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Applies report events. A new version replaces the previous one: the rollups of the agency's chain
 * change by exactly (new cells − old cells), so a correction never adds a second report.
 */
@ApplicationScoped
class ReportApplier {

    private static final Logger LOG = Logger.getLogger(ReportApplier.class);

    @Inject
    Db db;

    @Inject
    Rollups rollups;

    @Inject
    RegistryApplier registry;

    @Inject
    ObjectMapper json;

    void version(FeedEvent e) {
        JsonNode p = e.payload();
        String agencyCode = Payloads.text(p, "agencyCode");
        Integer year = Payloads.integer(p, "year");
        Integer version = Payloads.integer(p, "version");
        if (agencyCode == null || year == null || version == null) {
            LOG.errorf("event %d: report version without agencyCode, year or version, ignored", e.seq());
            return;
        }
        Integer current = db.one(
                "SELECT version FROM report WHERE agency_code = ? AND year = ? FOR UPDATE",
                rs -> rs.getInt(1),
                agencyCode,
                year);
        if (current != null && current >= version) {
            LOG.warnf(
                    "event %d: %s/%d version %d is not newer than the applied version %d, ignored",
                    e.seq(), agencyCode, year, version, current);
            return;
        }
        String edition = Payloads.text(p, "edition");
        if (edition == null) {
            edition = p.path("report").path("edition").asText("unknown");
        }
        Map<String, BigDecimal> next = Contribution.of(p, edition);
        Map<String, BigDecimal> previous = cells(agencyCode, year);
        rollups.add(registry.agencyNode(agencyCode), year, Contribution.difference(previous, next));

        db.update("DELETE FROM report_cell WHERE agency_code = ? AND year = ?", agencyCode, year);
        List<Object[]> rows = new ArrayList<>();
        next.forEach((cell, value) -> rows.add(new Object[] {agencyCode, year, cell, value}));
        db.batch("INSERT INTO report_cell (agency_code, year, cell, value) VALUES (?, ?, ?, ?)", rows);

        OffsetDateTime submittedAt = Payloads.timestamp(p, "submittedAt");
        if (submittedAt == null) {
            submittedAt = e.recordedAt() != null ? e.recordedAt() : OffsetDateTime.now(java.time.ZoneOffset.UTC);
        }
        LocalDate publishedOn = publishedOn(p);
        // first_submitted_at and first_published_on are set once: by version 1, or by the first version seen
        // if 1 never came (lateness is judged by the first version, a correction does not make a report late).
        db.update(
                """
                INSERT INTO report (agency_code, year, version, edition, source, first_submitted_at, submitted_at,
                                    first_published_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (agency_code, year) DO UPDATE SET version = EXCLUDED.version, edition = EXCLUDED.edition,
                    source = EXCLUDED.source, submitted_at = EXCLUDED.submitted_at""",
                agencyCode,
                year,
                version,
                edition,
                Payloads.text(p, "source"),
                submittedAt,
                submittedAt,
                publishedOn);

        db.update("DELETE FROM report_finding WHERE agency_code = ? AND year = ?", agencyCode, year);
        List<Object[]> findings = new ArrayList<>();
        JsonNode list = p.get("findings");
        if (list != null && list.isArray()) {
            int ordinal = 0;
            for (JsonNode f : list) {
                findings.add(new Object[] {
                    agencyCode,
                    year,
                    ordinal++,
                    f.path("rule").asText("UNKNOWN"),
                    f.path("severity").asText("error"),
                    toJson(f.path("cells")),
                    Payloads.text(f, "message")
                });
            }
        }
        db.batch("""
                INSERT INTO report_finding (agency_code, year, ordinal, rule, severity, cells, message)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?)""", findings);
    }

    void approval(FeedEvent e, boolean approved) {
        JsonNode p = e.payload();
        String agencyCode = Payloads.text(p, "agencyCode");
        Integer year = Payloads.integer(p, "year");
        int updated = db.update(
                "UPDATE report SET status = ?, approved_version = ? WHERE agency_code = ? AND year = ?",
                approved ? "approved" : "open",
                approved ? Payloads.integer(p.path("approval"), "version") : null,
                agencyCode,
                year);
        if (updated == 0) {
            LOG.warnf("event %d: %s of unknown report %s/%s, ignored", e.seq(), e.type(), agencyCode, year);
        }
    }

    /** The report's {@code publishedOn}, or null when absent or not an ISO date (the event is applied anyway). */
    private static LocalDate publishedOn(JsonNode payload) {
        String text = Payloads.text(payload.path("report"), "publishedOn");
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Map<String, BigDecimal> cells(String agencyCode, int year) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        db.query(
                "SELECT cell, value FROM report_cell WHERE agency_code = ? AND year = ?",
                rs -> cells.put(rs.getString(1), rs.getBigDecimal(2)),
                agencyCode,
                year);
        return cells;
    }

    private String toJson(JsonNode node) {
        try {
            return json.writeValueAsString(node.isMissingNode() ? json.createArrayNode() : node);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
