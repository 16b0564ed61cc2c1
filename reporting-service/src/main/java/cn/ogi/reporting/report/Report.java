package cn.ogi.reporting.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The logical report of one agency for one year: its latest version number and approval status. */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final String APPROVED = "approved";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "agency_code")
    public String agencyCode;

    public int year;

    @Column(name = "latest_version")
    public int latestVersion;

    public String status;

    @Column(name = "error_count")
    public int errorCount;

    @Column(name = "warning_count")
    public int warningCount;

    @Column(name = "first_submitted_at")
    public OffsetDateTime firstSubmittedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean approved() {
        return APPROVED.equals(status);
    }

    /** The entity tag of the report's current representation: its version, and whether it is locked. */
    public String entityTag() {
        return approved() ? latestVersion + "-approved" : String.valueOf(latestVersion);
    }
}
