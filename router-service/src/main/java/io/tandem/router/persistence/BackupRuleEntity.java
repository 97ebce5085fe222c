package io.tandem.router.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.tandem.router.Backup;

@Entity
@Table(name = "backup_rule")
@IdClass(RuleId.class)
public class BackupRuleEntity {

    @Id
    @Column(name = "app_id")
    public String appId;

    @Id
    @Column(name = "node")
    public String node;

    @Enumerated(EnumType.STRING)
    @Column(name = "assignee_type", nullable = false)
    public Backup.Type assigneeType;

    @Column(name = "assignee_id", nullable = false)
    public String assigneeId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Backup toBackup() {
        return new Backup(assigneeType, assigneeId);
    }
}
