package cn.ogi.reporting.report;

import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.Severity;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A report row locked by this transaction: as it was read, then as the transaction's deliveries advance it. */
final class LockedReport {
    final long id;
    final String status;
    int latestVersion;
    int errorCount;
    int warningCount;
    OffsetDateTime firstSubmittedAt;
    OffsetDateTime updatedAt;
    boolean advanced;

    LockedReport(long id, String status, int latestVersion, OffsetDateTime firstSubmittedAt) {
        this.id = id;
        this.status = status;
        this.latestVersion = latestVersion;
        this.firstSubmittedAt = firstSubmittedAt;
    }

    boolean approved() {
        return Report.APPROVED.equals(status);
    }

    /** The report now at {@code version}: its latest version and the counts of its findings. */
    void advance(ReportVersion version, List<Finding> findings) {
        if (latestVersion == 0) {
            firstSubmittedAt = version.submittedAt;
        }
        latestVersion = version.number;
        errorCount = count(findings, Severity.ERROR);
        warningCount = count(findings, Severity.WARNING);
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        advanced = true;
    }

    private static int count(List<Finding> findings, Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }
}
