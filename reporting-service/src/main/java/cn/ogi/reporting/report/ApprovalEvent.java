package cn.ogi.reporting.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An approval or a reopening of a report: who, when, why, at which version. */
@Entity
@Table(name = "approval_event")
public class ApprovalEvent extends PanacheEntityBase {

    public static final String APPROVED = "approved";
    public static final String REOPENED = "reopened";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "report_id")
    public Long reportId;

    public String action;

    public int version;

    public String actor;

    public String reason;

    public OffsetDateTime at;
}
