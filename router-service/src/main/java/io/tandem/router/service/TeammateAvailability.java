package io.tandem.router.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.tandem.router.Backup;
import io.tandem.router.client.DownstreamUnavailableException;
import io.tandem.router.client.IntercomTeammates;

/** Asks Intercom (through a short-lived cache) whether a backup contact is not in away mode. */
@ApplicationScoped
public class TeammateAvailability implements AgentAvailability {

    private static final Logger LOG = Logger.getLogger(TeammateAvailability.class);

    private final IntercomTeammates teammates;

    public TeammateAvailability(IntercomTeammates teammates) {
        this.teammates = teammates;
    }

    @Override
    public Optional<Boolean> someoneAvailable(String appId, Backup backup, String assistantAdminId) {
        try {
            return Optional.of(teammates.recent(appId).someoneAvailable(backup, assistantAdminId));
        } catch (DownstreamUnavailableException e) {
            // the customer then hears the "unavailable" message, which promises nothing
            LOG.warnf("cannot tell whether an agent is available in workspace %s: %s", appId, e.getMessage());
            return Optional.empty();
        }
    }
}
