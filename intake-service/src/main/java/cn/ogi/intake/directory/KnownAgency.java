package cn.ogi.intake.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An agency of the registry as intake knows it (copied from reporting-service's change feed). */
@Entity
@Table(name = "known_agency")
public class KnownAgency extends PanacheEntityBase {

    @Id
    @Column(columnDefinition = "bpchar")
    public String code;

    public String name;

    public String kind;

    @Column(columnDefinition = "bpchar")
    public String jurisdiction;
}
