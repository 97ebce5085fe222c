package io.tandem.router.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/** One change of a workspace's integration or rules: who, when, before and after (JSON, null = none). */
@Entity
@Table(name = "settings_change")
public class SettingsChangeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @Column(name = "app_id", nullable = false)
    public String appId;

    @Column(name = "subject", nullable = false)
    public String subject;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "before", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String before;

    @Column(name = "after", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String after;
}
