package io.tandem.router.service;

import java.util.Optional;

import io.tandem.router.Backup;

/** Whether someone who could take a conversation over is not in away mode. */
@FunctionalInterface
public interface AgentAvailability {

    /**
     * @param backup the backup contact; null for the Unassigned inbox
     * @return empty when it cannot be told now
     */
    Optional<Boolean> someoneAvailable(String appId, Backup backup, String assistantAdminId);
}
