package io.tandem.router.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.tandem.router.Integration;

@Entity
@Table(name = "integration")
public class IntegrationEntity {

    @Id
    @Column(name = "app_id")
    public String appId;

    @Column(name = "assistant_admin_id")
    public String assistantAdminId;

    @Column(name = "dialog_ready", nullable = false)
    public boolean dialogReady;

    @Column(name = "monitoring", nullable = false)
    public boolean monitoring;

    @Column(name = "monitored_team_id")
    public String monitoredTeamId;

    @Column(name = "threshold", nullable = false)
    public double threshold;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public void apply(Integration integration) {
        assistantAdminId = integration.assistantAdminId();
        dialogReady = integration.dialogReady();
        monitoring = integration.monitoring();
        monitoredTeamId = integration.monitoredTeamId();
        threshold = integration.threshold();
        updatedAt = integration.updatedAt();
    }

    public Integration toIntegration() {
        return new Integration(appId, assistantAdminId, dialogReady, monitoring, monitoredTeamId, threshold, updatedAt);
    }
}
