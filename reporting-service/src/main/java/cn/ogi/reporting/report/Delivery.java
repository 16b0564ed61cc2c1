package cn.ogi.reporting.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A delivery received from intake; its key makes a replay answer the same, without a new version. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    @Column(name = "delivery_key")
    public String deliveryKey;

    @Column(name = "report_id")
    public Long reportId;

    public int version;

    public boolean unchanged;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
