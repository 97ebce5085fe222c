package io.tandem.classifier.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An app's skill: which stored version is active. Its row is the lock that serializes imports for one app.
 */
@Entity
@Table(name = "skill")
public class SkillEntity extends PanacheEntityBase {

    @Id
    @Column(name = "app_id")
    public String appId;

    @Column(name = "active_version")
    public Integer activeVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
