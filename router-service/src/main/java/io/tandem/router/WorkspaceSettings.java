package io.tandem.router;

import java.time.Instant;
import java.util.Objects;

/**
 * How Tandem behaves in one Intercom workspace.
 *
 * @param appId          the Intercom workspace (app_id)
 * @param mode           what Tandem does with a confident answer
 * @param minConfidence  the top intent confidence, in [0, 1], an answer needs
 * @param handoffTeamId  the Intercom team that gets conversations asking for a human, or null
 * @param updatedAt      when an admin last saved these settings, or null when they are the configured defaults
 */
public record WorkspaceSettings(
        String appId,
        Mode mode,
        double minConfidence,
        String handoffTeamId,
        Instant updatedAt) {

    public WorkspaceSettings {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(mode, "mode");
        if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
            throw new IllegalArgumentException("minConfidence must be within [0, 1]: " + minConfidence);
        }
    }

    public boolean hasHandoffTeam() {
        return handoffTeamId != null && !handoffTeamId.isBlank();
    }
}
