package cn.ogi.reporting.report;

import cn.ogi.reporting.report.WriteBatch.EarlierDelivery;
import cn.ogi.reporting.report.WriteBatch.LatestVersion;
import cn.ogi.web.audit.AuditTrail;
import cn.ogi.web.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The set-based reads and writes of the write path ({@link ReportWriter}, {@link DeliveryBatch}): a write transaction
 * opens a {@link WriteBatch} — its reports locked and what its deliveries need read, a statement each — and stores
 * what its deliveries made in a statement batch per table: round trips per batch, not per delivery.
 */
@ApplicationScoped
public class WriteBatchStore {

    @Inject
    AuditTrail audit;

    @Inject
    Sql sql;

    /** What a delivery's write needs of its agency: the code, and the jurisdiction its audit row is filed under. */
    record Registered(String code, String jurisdiction) {}

    /** The agencies of these codes that the registry has, by code (one statement, no entities). */
    Map<String, Registered> agencies(Collection<String> codes) {
        Map<String, Registered> found = new HashMap<>();
        sql.statement("SELECT code, jurisdiction FROM agency WHERE code = ANY (CAST(:codes AS text[]))")
                .bind("codes", codes.toArray(String[]::new))
                .each(0, rs -> found.put(rs.getString(1), new Registered(rs.getString(1), rs.getString(2))));
        return found;
    }

    /**
     * Opens a write of deliveries to these reports under these keys: locks the reports (made if needed) in
     * {@link ReportKey#LOCK_ORDER} — so that concurrent writes wait for each other rather than deadlock — and reads
     * the earlier deliveries under the keys and the latest versions of the reports and of the years before them: four
     * statements whatever the number of deliveries.
     */
    WriteBatch open(Collection<ReportKey> keys, Collection<String> deliveryKeys) {
        List<ReportKey> ordered =
                keys.stream().distinct().sorted(ReportKey.LOCK_ORDER).toList();
        return new WriteBatch(lockReports(ordered), earlierDeliveries(deliveryKeys), latestVersions(ordered));
    }

    /** Creates the report rows that are missing and locks them all until the transaction ends, in the keys' order. */
    private Map<ReportKey, LockedReport> lockReports(List<ReportKey> ordered) {
        String[] agencies = ordered.stream().map(ReportKey::agencyCode).toArray(String[]::new);
        Integer[] years = ordered.stream().map(ReportKey::year).toArray(Integer[]::new);
        // the rows are inserted, and then locked, in the lock order (COLLATE "C": the codes' characters' order, as
        // String#compareTo)
        sql.statement("""
                        INSERT INTO report (agency_code, year, latest_version, status, first_submitted_at, updated_at)
                        SELECT k.agency, k.year, 0, 'open', now(), now()
                        FROM unnest(CAST(:agencies AS text[]), CAST(:years AS int[])) AS k (agency, year)
                        ORDER BY k.agency COLLATE "C", k.year
                        ON CONFLICT (agency_code, year) DO NOTHING""").bind("agencies", agencies).bind("years", years).update();
        Map<ReportKey, LockedReport> locked = new HashMap<>();
        sql.statement("""
                        SELECT r.agency_code, r.year, r.id, r.status, r.latest_version, r.first_submitted_at
                        FROM report r
                        JOIN unnest(CAST(:agencies AS text[]), CAST(:years AS int[])) AS k (agency, year)
                          ON r.agency_code = k.agency AND r.year = k.year
                        ORDER BY r.agency_code COLLATE "C", r.year
                        FOR UPDATE OF r""")
                .bind("agencies", agencies)
                .bind("years", years)
                .each(
                        0,
                        rs -> locked.put(
                                new ReportKey(rs.getString(1), rs.getInt(2)),
                                new LockedReport(rs.getLong(3), rs.getString(4), rs.getInt(5), Sql.timestamp(rs, 6))));
        return locked;
    }

    private Map<String, EarlierDelivery> earlierDeliveries(Collection<String> deliveryKeys) {
        Map<String, EarlierDelivery> earlier = new HashMap<>();
        sql.statement("""
                        SELECT d.delivery_key, d.report_id, d.version, d.unchanged, CAST(v.findings AS text)
                        FROM delivery d
                        LEFT JOIN report_version v ON v.report_id = d.report_id AND v.number = d.version
                        WHERE d.delivery_key = ANY (CAST(:keys AS text[]))""")
                .bind("keys", deliveryKeys.stream().distinct().toArray(String[]::new))
                .each(
                        0,
                        rs -> earlier.put(
                                rs.getString(1),
                                new EarlierDelivery(rs.getLong(2), rs.getInt(3), rs.getBoolean(4), rs.getString(5))));
        return earlier;
    }

    /** The latest versions of the reports (hash, findings) and of the years before them (content too). */
    private Map<ReportKey, LatestVersion> latestVersions(List<ReportKey> reports) {
        Map<ReportKey, Boolean> wanted = new LinkedHashMap<>();
        reports.forEach(key -> wanted.put(key, false));
        reports.forEach(key -> wanted.put(key.previousYear(), true));
        Map<ReportKey, LatestVersion> latest = new HashMap<>();
        sql.statement("""
                        SELECT r.agency_code, r.year, v.content_sha256, CAST(v.findings AS text),
                               CASE WHEN k.content THEN CAST(v.content AS text) END
                        FROM unnest(CAST(:agencies AS text[]), CAST(:years AS int[]), CAST(:contents AS boolean[]))
                            AS k (agency, year, content)
                        JOIN report r ON r.agency_code = k.agency AND r.year = k.year
                        JOIN report_version v ON v.report_id = r.id AND v.number = r.latest_version""")
                .bind(
                        "agencies",
                        wanted.keySet().stream().map(ReportKey::agencyCode).toArray(String[]::new))
                .bind("years", wanted.keySet().stream().map(ReportKey::year).toArray(Integer[]::new))
                .bind("contents", wanted.values().toArray(Boolean[]::new))
                .each(
                        0,
                        rs -> latest.put(
                                new ReportKey(rs.getString(1), rs.getInt(2)),
                                new LatestVersion(rs.getString(3), rs.getString(4), rs.getString(5), null)));
        return latest;
    }

    /**
     * Writes what the batch's deliveries made — the versions, the deliveries, the reports advanced, the audit rows —
     * a statement batch each (one round trip), and removes the report rows {@link #open} made that hold no version
     * (made for deliveries that were all refused), as a refused single delivery's rolls back with it.
     */
    void store(WriteBatch batch) {
        sql.batch(
                """
                INSERT INTO report_version (report_id, number, edition, content, content_sha256, source, original_text,
                    submitted_by, submitted_at, correction_reason, findings, imported_history)
                VALUES (:report, :number, :edition, CAST(:content AS jsonb), :sha, :source, :originalText,
                    :submittedBy, :submittedAt, :correctionReason, CAST(:findings AS jsonb), :importedHistory)""",
                batch.versions,
                (v, row) -> row.bind("report", v.reportId)
                        .bind("number", v.number)
                        .bind("edition", v.edition)
                        .bind("content", v.content)
                        .bind("sha", v.contentSha256)
                        .bind("source", v.source)
                        .bind("originalText", v.originalText)
                        .bind("submittedBy", v.submittedBy)
                        .bind("submittedAt", v.submittedAt)
                        .bind("correctionReason", v.correctionReason)
                        .bind("findings", v.findings)
                        .bind("importedHistory", v.importedHistory));
        sql.batch(
                """
                UPDATE report SET latest_version = :latest, error_count = :errors, warning_count = :warnings,
                    first_submitted_at = :first, updated_at = :updated
                WHERE id = :id""",
                batch.reports.values().stream().filter(r -> r.advanced).toList(),
                (r, row) -> row.bind("latest", r.latestVersion)
                        .bind("errors", r.errorCount)
                        .bind("warnings", r.warningCount)
                        .bind("first", r.firstSubmittedAt)
                        .bind("updated", r.updatedAt)
                        .bind("id", r.id));
        sql.batch(
                """
                INSERT INTO delivery (delivery_key, report_id, version, unchanged, received_at)
                VALUES (:key, :report, :version, :unchanged, :received)""",
                batch.recorded,
                (d, row) -> row.bind("key", d.deliveryKey)
                        .bind("report", d.reportId)
                        .bind("version", d.version)
                        .bind("unchanged", d.unchanged)
                        .bind("received", d.receivedAt));
        if (!batch.audit.isEmpty()) {
            audit.recordAll(batch.audit);
        }
        sql.batch(
                "DELETE FROM report WHERE id = :id AND latest_version = 0",
                batch.reports.values().stream()
                        .filter(r -> r.latestVersion == 0)
                        .toList(),
                (r, row) -> row.bind("id", r.id));
    }
}
