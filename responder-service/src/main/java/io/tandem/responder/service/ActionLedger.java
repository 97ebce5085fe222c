package io.tandem.responder.service;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.ActionPerformed;
import io.tandem.responder.ActionStatus;
import io.tandem.responder.persistence.PerformedAction;
import io.tandem.responder.persistence.PerformedActionRepository;

/**
 * The ledger that keeps an action from being performed twice: each step is its own transaction, so the claim is
 * committed before Intercom is called and the completion right after.
 */
@ApplicationScoped
public class ActionLedger {

    private static final Logger LOG = Logger.getLogger(ActionLedger.class);

    @Inject
    PerformedActionRepository repository;

    /**
     * Claims the action for performing.
     *
     * @return the ledger entry if the action was already performed (DONE or FAILED); empty if the caller should
     *         perform it now
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<PerformedAction> claim(ActionDecided action, Instant now) {
        if (repository.insertPendingIfAbsent(action, now)) {
            return Optional.empty();
        }
        PerformedAction entry = repository.findById(action.eventId(), LockModeType.PESSIMISTIC_WRITE);
        if (entry.status != ActionStatus.PENDING) {
            return Optional.of(entry);
        }
        entry.attempts++;
        LOG.warnf("Action %s was claimed before but never completed (attempt %d); performing it again",
                action.eventId(), entry.attempts);
        return Optional.empty();
    }

    /** Records what happened when the claimed action was performed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void complete(ActionPerformed result) {
        PerformedAction entry = repository.findById(result.causationId(), LockModeType.PESSIMISTIC_WRITE);
        entry.status = result.outcome() == ActionPerformed.Outcome.SUCCEEDED ? ActionStatus.DONE : ActionStatus.FAILED;
        entry.intercomPartId = result.intercomPartId();
        entry.error = result.error();
        entry.completedAt = result.occurredAt();
    }
}
