package cn.ogi.reporting.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A node of the GB/T 2260 division tree (province, city or county). */
@Entity
@Table(name = "jurisdiction")
public class Jurisdiction extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public String level;

    public String parent;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public JurisdictionView toView() {
        return new JurisdictionView(code, name, level, parent);
    }
}
