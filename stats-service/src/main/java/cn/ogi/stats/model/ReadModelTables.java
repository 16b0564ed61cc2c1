package cn.ogi.stats.model;

import cn.ogi.feed.ChangeEvent;
import cn.ogi.form.model.ReportCells;
import cn.ogi.stats.memory.ModelRows.AgencyRow;
import cn.ogi.stats.memory.ModelRows.FindingItem;
import cn.ogi.stats.memory.ModelRows.NodeRow;
import cn.ogi.stats.memory.ModelRows.RollupKey;
import cn.ogi.web.sql.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL of applying a page: the reports it needs read in one statement, and everything it changed written
 * in one statement (or one JDBC batch) per table — a page costs a handful of round trips, whatever its size.
 * Every statement runs in the caller's transaction on the tables its search_path names (live or shadow).
 */
@ApplicationScoped
class ReadModelTables {

    private static final TypeReference<LinkedHashMap<String, BigDecimal>> CELLS = new TypeReference<>() {};
    private static final String REPORT_COLUMNS = """
            agency_code, year, version, edition, source, first_submitted_at, submitted_at, first_published_on,
            first_imported, status, approved_version, cells""";

    @Inject
    Sql db;

    @Inject
    ObjectMapper json;

    /** The JSON text of each cell key seen (the editions' keys: a few hundred), as Jackson writes it. */
    private final Map<String, String> jsonKeys = new ConcurrentHashMap<>();

    /** The stored reports among the keys. */
    List<ReportState> reports(Collection<ReportState.Key> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<String> agencies = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        keys.forEach(k -> {
            agencies.add(k.agencyCode());
            years.add(k.year());
        });
        return db.query(
                "SELECT " + REPORT_COLUMNS + " FROM report WHERE (agency_code, year) IN"
                        + " (SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS int[])))",
                this::report,
                Sql.texts(agencies),
                Sql.ints(years));
    }

    /** Every stored report of the agencies. */
    List<ReportState> reportsOf(Collection<String> agencies) {
        if (agencies.isEmpty()) {
            return List.of();
        }
        return db.query(
                "SELECT " + REPORT_COLUMNS + " FROM report WHERE agency_code = ANY(CAST(? AS text[]))",
                this::report,
                Sql.texts(agencies));
    }

    void writeNodes(Collection<NodeRow> nodes) {
        List<Object[]> rows = new ArrayList<>();
        nodes.forEach(n -> rows.add(new Object[] {n.code(), n.name(), n.level(), n.parent()}));
        db.batch("""
                INSERT INTO jurisdiction (code, name, level, parent) VALUES (?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent = EXCLUDED.parent""", rows);
    }

    void writeAgencies(Collection<AgencyRow> agencies) {
        List<Object[]> rows = new ArrayList<>();
        agencies.forEach(a -> rows.add(
                new Object[] {a.code(), a.name(), a.kind(), a.jurisdiction(), a.reportsFrom(), a.reportsUntil()}));
        db.batch("""
                INSERT INTO agency (code, name, kind, jurisdiction, reports_from, reports_until) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
                    jurisdiction = EXCLUDED.jurisdiction, reports_from = EXCLUDED.reports_from,
                    reports_until = EXCLUDED.reports_until""", rows);
    }

    void writeReports(Collection<ReportState> reports) {
        List<Object[]> rows = new ArrayList<>();
        reports.forEach(r -> rows.add(new Object[] {
            r.agencyCode,
            r.year,
            r.version,
            r.edition,
            r.source,
            r.firstSubmittedAt,
            r.submittedAt,
            r.firstPublishedOn,
            r.firstImported,
            r.status,
            r.approvedVersion,
            cellsText(r.cells)
        }));
        db.batch("""
                INSERT INTO report (agency_code, year, version, edition, source, first_submitted_at, submitted_at,
                                    first_published_on, first_imported, status, approved_version, cells)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (agency_code, year) DO UPDATE SET version = EXCLUDED.version, edition = EXCLUDED.edition,
                    source = EXCLUDED.source, first_submitted_at = EXCLUDED.first_submitted_at,
                    submitted_at = EXCLUDED.submitted_at, first_published_on = EXCLUDED.first_published_on,
                    first_imported = EXCLUDED.first_imported, status = EXCLUDED.status,
                    approved_version = EXCLUDED.approved_version, cells = EXCLUDED.cells""", rows);
    }

    /** Replaces the findings of the reports (their latest versions changed). */
    void writeFindings(Collection<ReportState> reports) {
        if (reports.isEmpty()) {
            return;
        }
        List<String> agencies = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (ReportState r : reports) {
            agencies.add(r.agencyCode);
            years.add(r.year);
            List<FindingItem> findings = r.findings == null ? List.of() : r.findings;
            for (int ordinal = 0; ordinal < findings.size(); ordinal++) {
                FindingItem f = findings.get(ordinal);
                rows.add(new Object[] {
                    r.agencyCode, r.year, ordinal, f.rule(), f.severity(), toJson(f.cells()), f.message()
                });
            }
        }
        db.update(
                "DELETE FROM report_finding WHERE (agency_code, year) IN"
                        + " (SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS int[])))",
                Sql.texts(agencies),
                Sql.ints(years));
        db.batch("""
                INSERT INTO report_finding (agency_code, year, ordinal, rule, severity, cells, message)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?)""", rows);
    }

    /** Adds the differences to the rollup cells, in one statement. */
    void addToRollups(Map<RollupKey, BigDecimal> deltas) {
        List<String> nodes = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        deltas.forEach((key, delta) -> {
            if (delta.signum() != 0) {
                nodes.add(key.node());
                years.add(key.year());
                cells.add(key.cell());
                values.add(delta);
            }
        });
        if (nodes.isEmpty()) {
            return;
        }
        db.update("""
                INSERT INTO rollup (node, year, cell, value)
                SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS int[]), CAST(? AS text[]), CAST(? AS numeric[]))
                ON CONFLICT (node, year, cell) DO UPDATE SET value = rollup.value + EXCLUDED.value""", Sql.texts(nodes), Sql.ints(years), Sql.texts(cells), Sql.numerics(values));
    }

    /** Logs the applied events (the source of a rebuild). */
    void log(List<ChangeEvent> events) {
        List<Object[]> rows = new ArrayList<>();
        events.forEach(e -> rows.add(
                new Object[] {e.seq(), e.type(), e.key() == null ? "" : e.key(), e.recordedAt(), e.payloadText(json)}));
        db.batch("INSERT INTO feed_event (seq, type, key, recorded_at, payload) VALUES (?, ?, ?, ?, ?)", rows);
    }

    private ReportState report(ResultSet rs) throws SQLException {
        ReportState r = new ReportState(rs.getString("agency_code"), rs.getInt("year"));
        r.exists = true;
        r.version = rs.getInt("version");
        r.edition = rs.getString("edition");
        r.source = rs.getString("source");
        r.firstSubmittedAt = Sql.timestamp(rs, "first_submitted_at");
        r.submittedAt = Sql.timestamp(rs, "submitted_at");
        r.firstPublishedOn = Sql.date(rs, "first_published_on");
        r.firstImported = rs.getBoolean("first_imported");
        r.status = rs.getString("status");
        r.approvedVersion = Sql.integer(rs, "approved_version");
        try {
            r.cells = json.readValue(rs.getString("cells"), CELLS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report.cells of " + r.agencyCode + "/" + r.year + " is not JSON", e);
        }
        return r;
    }

    /**
     * A report's cells as stored: a JSON object with the keys in order and the values as the service prints them
     * (plain, no trailing zeros) — one text for one set of cells, so that a rebuild compares rows as text (V7
     * writes the same form).
     */
    String cellsText(Map<String, BigDecimal> cells) {
        StringBuilder text = new StringBuilder(cells.size() * 40).append('{');
        for (Map.Entry<String, BigDecimal> c : new TreeMap<>(cells).entrySet()) {
            if (text.length() > 1) {
                text.append(',');
            }
            text.append(jsonKey(c.getKey()))
                    .append(':')
                    .append(ReportCells.normalise(c.getValue()).toPlainString());
        }
        return text.append('}').toString();
    }

    private String jsonKey(String key) {
        String text = jsonKeys.get(key);
        if (text == null) {
            text = toJson(key);
            if (jsonKeys.size() < 10_000) {
                jsonKeys.put(key, text);
            }
        }
        return text;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
