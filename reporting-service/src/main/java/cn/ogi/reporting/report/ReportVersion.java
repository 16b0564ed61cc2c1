package cn.ogi.reporting.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** One immutable version of a report: the canonical JSON as received and the findings at the time. */
@Entity
@Immutable
@IdClass(ReportVersion.Key.class)
@Table(name = "report_version")
public class ReportVersion extends PanacheEntityBase {

    public record Key(Long reportId, Integer number) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "report_id")
    public Long reportId;

    @Id
    public Integer number;

    public String edition;

    /** Canonical JSON (REPORT-FORMAT.md), stored as jsonb. */
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    public String content;

    @Column(name = "content_sha256")
    public String contentSha256;

    public String source;

    @Column(name = "original_text")
    public String originalText;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "correction_reason")
    public String correctionReason;

    /** History an admin imported and marked as such (intake's importedHistory). */
    @Column(name = "imported_history")
    public boolean importedHistory;

    /** The rule engine's findings for this version, a JSON array, stored as jsonb. */
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    public String findings;
}
