package io.tandem.router.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.tandem.router.Mode;
import io.tandem.router.WorkspaceSettings;

@Entity
@Table(name = "workspace_settings")
public class WorkspaceSettingsEntity {

    @Id
    @Column(name = "app_id")
    public String appId;

    @Enumerated(EnumType.STRING)
    @Column(name = "mode", nullable = false)
    public Mode mode;

    @Column(name = "min_confidence", nullable = false)
    public double minConfidence;

    @Column(name = "handoff_team_id")
    public String handoffTeamId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public void apply(WorkspaceSettings settings) {
        mode = settings.mode();
        minConfidence = settings.minConfidence();
        handoffTeamId = settings.handoffTeamId();
        updatedAt = settings.updatedAt();
    }

    public WorkspaceSettings toSettings() {
        return new WorkspaceSettings(appId, mode, minConfidence, handoffTeamId, updatedAt);
    }
}
