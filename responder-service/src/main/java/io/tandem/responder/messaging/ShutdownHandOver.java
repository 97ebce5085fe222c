package io.tandem.responder.messaging;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.tandem.responder.service.ActionLedger;
import io.tandem.responder.service.ConversationLanes;

/**
 * Hands the actions in progress over when the service stops, while PostgreSQL can still be reached: the lanes are
 * stopped (the actions cut short are left unacknowledged and redelivered), then this replica's leases on them are
 * given up, so that the replica that gets their records next performs them at once instead of waiting for the
 * leases ({@code tandem.responder.recovery.lease}) to end. Should a lane not end in time, the leases are kept: that
 * lane may still be calling Intercom.
 */
@ApplicationScoped
public class ShutdownHandOver {

    private static final Logger LOG = Logger.getLogger(ShutdownHandOver.class);

    private final ConversationLanes lanes;
    private final ActionLedger ledger;

    ShutdownHandOver(ConversationLanes lanes, ActionLedger ledger) {
        this.lanes = lanes;
        this.ledger = ledger;
    }

    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        if (!lanes.stop()) {
            LOG.warnf("a lane did not end within %s: this replica keeps its leases until they end",
                    ConversationLanes.STOP_TIMEOUT);
            return;
        }
        int released = ledger.releaseLeasesOfThisReplica();
        if (released > 0) {
            LOG.infof("gave up the leases on %d action(s) cut short: their next owner performs them at once",
                    released);
        }
    }
}
