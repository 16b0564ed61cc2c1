package cn.ogi.intake.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A jurisdiction of the registry as intake knows it (copied from reporting-service's change feed). */
@Entity
@Table(name = "known_jurisdiction")
public class KnownJurisdiction extends PanacheEntityBase {

    @Id
    @Column(columnDefinition = "bpchar")
    public String code;

    public String name;

    @Column(columnDefinition = "bpchar")
    public String parent;
}
