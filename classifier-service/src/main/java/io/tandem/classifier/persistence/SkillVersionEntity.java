package io.tandem.classifier.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One imported version of an app's skill, with the workspace JSON exactly as uploaded.
 */
@Entity
@Table(name = "skill_version")
public class SkillVersionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "app_id", nullable = false)
    public String appId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String workspace;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
