package io.tandem.router;

import java.time.Instant;
import java.util.Objects;

import io.tandem.contracts.ConversationEvent.Owner;

/**
 * How the assistant works in one Intercom workspace.
 *
 * @param assistantAdminId the Intercom admin (teammate) Tandem acts as; null until configured
 * @param dialogReady      whether the dialog skill is ready; monitoring cannot be on before
 * @param monitoring       whether the assistant also acts in the monitored inbox
 * @param monitoredTeamId  the team whose inbox is monitored; null for the Unassigned inbox
 * @param threshold        the confidence at or above which the action rules apply
 * @param updatedAt        when it was last changed; null for a workspace nobody configured (the defaults)
 */
public record Integration(String appId, String assistantAdminId, boolean dialogReady, boolean monitoring,
        String monitoredTeamId, double threshold, Instant updatedAt) {

    public static final double DEFAULT_THRESHOLD = 0.75;
    /** How the API names the Unassigned inbox. */
    public static final String UNASSIGNED_INBOX = "unassigned";

    public static Integration defaults(String appId) {
        return new Integration(appId, null, false, false, null, DEFAULT_THRESHOLD, null);
    }

    /** Whether a conversation owned by {@code owner} sits in the monitored inbox (no admin, the monitored team). */
    public boolean inMonitoredInbox(Owner owner) {
        return owner.adminId() == null && Objects.equals(owner.teamId(), monitoredTeamId);
    }

    public boolean isAssistant(String adminId) {
        return assistantAdminId != null && assistantAdminId.equals(adminId);
    }

    public String monitoredInbox() {
        return monitoredTeamId == null ? UNASSIGNED_INBOX : monitoredTeamId;
    }
}
