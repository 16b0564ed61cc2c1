package cn.ogi.reporting.report;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.web.audit.AuditTrail;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One write transaction's deliveries (a batch, or a single delivery): the reports it locked, what it read up front
 * in one statement each — the earlier deliveries under its keys, the latest versions of its reports and of the
 * years before them — and the rows its deliveries make, which {@link WriteBatchStore#store} writes in a statement
 * batch per table.
 */
final class WriteBatch {
    final Map<ReportKey, LockedReport> reports;
    final Map<String, EarlierDelivery> deliveries;
    final Map<ReportKey, LatestVersion> latest;
    final List<ReportVersion> versions = new ArrayList<>();
    final List<Delivery> recorded = new ArrayList<>();
    final List<AuditTrail.Recorded> audit = new ArrayList<>();

    WriteBatch(
            Map<ReportKey, LockedReport> reports,
            Map<String, EarlierDelivery> deliveries,
            Map<ReportKey, LatestVersion> latest) {
        this.reports = reports;
        this.deliveries = deliveries;
        this.latest = latest;
    }

    /** What an earlier delivery under a key made: its report, its version and that version's findings (JSON). */
    record EarlierDelivery(long reportId, int version, boolean unchanged, String findings) {}

    /**
     * A report's latest version as this transaction sees it: its hash and findings, and its content when a delivery of
     * the year after needs it for the cross-year rules (read once, when first needed).
     */
    static final class LatestVersion {
        final String contentSha256;
        final String findings;
        private final String content;
        private AnnualReport report;

        LatestVersion(String contentSha256, String findings, String content, AnnualReport report) {
            this.contentSha256 = contentSha256;
            this.findings = findings;
            this.content = content;
            this.report = report;
        }

        AnnualReport report(ReportCodec codec) {
            if (report == null && content != null) {
                report = codec.readStored(content);
            }
            return report;
        }
    }

    /** A delivery under {@code deliveryKey} of the report's latest version, kept until the batch is stored. */
    void recordDelivery(String deliveryKey, LockedReport target, boolean unchanged, String findings) {
        Delivery delivery = new Delivery();
        delivery.deliveryKey = deliveryKey;
        delivery.reportId = target.id;
        delivery.version = target.latestVersion;
        delivery.unchanged = unchanged;
        delivery.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        recorded.add(delivery);
        // a later delivery of the batch under the same key is its replay
        deliveries.put(deliveryKey, new EarlierDelivery(target.id, target.latestVersion, unchanged, findings));
    }
}
