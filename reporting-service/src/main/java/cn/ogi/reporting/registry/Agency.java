package cn.ogi.reporting.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An agency that publishes annual reports, identified by its 统一社会信用代码. */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public String kind;

    public String jurisdiction;

    @Column(name = "reports_from")
    public Integer reportsFrom;

    @Column(name = "reports_until")
    public Integer reportsUntil;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public AgencyView toView() {
        return new AgencyView(code, name, kind, jurisdiction, reportsFrom, reportsUntil);
    }
}
