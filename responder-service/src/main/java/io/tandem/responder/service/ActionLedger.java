package io.tandem.responder.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.ActionPerformed;
import io.tandem.responder.ActionStatus;
import io.tandem.responder.config.ResponderConfig;
import io.tandem.responder.persistence.PerformedAction;
import io.tandem.responder.persistence.PerformedActionRepository;

/**
 * The ledger that keeps an action from being performed twice. Each step is its own transaction: the claim is
 * committed before Intercom is called, the start of each call before it is made, and each part the moment Intercom
 * answered, so that after any interruption the next attempt knows which calls are done and which one's outcome is
 * unknown.
 */
@ApplicationScoped
public class ActionLedger {

    private static final Logger LOG = Logger.getLogger(ActionLedger.class);

    /** This replica, as the owner of its leases. */
    static final String OWNER = UUID.randomUUID().toString();

    @Inject
    PerformedActionRepository repository;

    @Inject
    ResponderConfig config;

    /** What the claim found. */
    public sealed interface Claim {

        /**
         * Go ahead from the call after {@code partIds}.
         *
         * @param callInterrupted whether the next call was started before without its outcome being recorded
         * @param claimedAt       when the action was first claimed: parts it made are not older
         */
        record Perform(List<String> partIds, boolean callInterrupted, Instant claimedAt) implements Claim {
        }

        /** Done or given up before: nothing to call. */
        record Finished(PerformedAction entry) implements Claim {
        }

        /** Another replica is working on it right now. */
        record Busy() implements Claim {
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(ActionDecided action) {
        Instant now = now();
        Instant leaseUntil = now.plus(lease());
        if (repository.insertPendingIfAbsent(action, now, OWNER, leaseUntil)) {
            return new Claim.Perform(List.of(), false, now);
        }
        PerformedAction entry = repository.findById(action.eventId(), LockModeType.PESSIMISTIC_WRITE);
        if (entry.status != ActionStatus.PENDING) {
            return new Claim.Finished(entry);
        }
        if (entry.leaseOwner != null && !OWNER.equals(entry.leaseOwner) && entry.leaseUntil != null
                && entry.leaseUntil.isAfter(now)) {
            return new Claim.Busy();
        }
        entry.attempts++;
        entry.leaseOwner = OWNER;
        entry.leaseUntil = leaseUntil;
        boolean interrupted = entry.callStartedAt != null;
        if (interrupted) {
            LOG.warnf("Action %s was interrupted during a call to Intercom (attempt %d); looking before calling again",
                    action.eventId(), entry.attempts);
        }
        entry.callStartedAt = now;
        return new Claim.Perform(partIds(entry), interrupted, entry.claimedAt);
    }

    /** A call is about to be made: until {@link #partDone} its outcome is unknown. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void callStarted(String actionEventId) {
        PerformedAction entry = repository.findById(actionEventId);
        Instant now = now();
        entry.callStartedAt = now;
        entry.leaseOwner = OWNER;
        entry.leaseUntil = now.plus(lease());
    }

    /** Intercom answered that it did not act (401, 403, 429): the call's outcome is known after all. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void callNotMade(String actionEventId) {
        repository.findById(actionEventId).callStartedAt = null;
    }

    /**
     * Intercom made a part that is not the action's last (or was found to have made it); the next call follows. The
     * lease is renewed: each part may take {@code tandem.responder.retry.max-duration} through an outage, and a reply
     * of several parts could otherwise outlive its lease and be taken up by another replica while still running.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void partDone(String actionEventId, String partId) {
        PerformedAction entry = repository.findById(actionEventId);
        entry.partsDone++;
        String id = partId == null ? "?" : partId;
        entry.partIds = entry.partIds == null ? id : entry.partIds + "," + id;
        Instant now = now();
        entry.callStartedAt = now;
        entry.leaseOwner = OWNER;
        entry.leaseUntil = now.plus(lease());
    }

    /** The action waits (its workspace's token is refused): any replica may take it up later. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String actionEventId) {
        PerformedAction entry = repository.findById(actionEventId);
        if (entry != null && entry.status == ActionStatus.PENDING) {
            entry.leaseOwner = null;
            entry.leaseUntil = null;
        }
    }

    /**
     * Gives up this replica's leases on the actions it has not finished, once none of its lanes runs (on shutdown):
     * the replica that gets their records next takes them up at once instead of waiting for the leases to end. An
     * action cut short during a call keeps {@code call_started_at}, so its next owner looks before calling again.
     *
     * @return how many leases were given up
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseLeasesOfThisReplica() {
        return repository.update("leaseOwner = null, leaseUntil = null where leaseOwner = ?1 and status = ?2", OWNER,
                ActionStatus.PENDING);
    }

    /**
     * The parts the conversation's other actions made, as recorded: a call whose outcome is unknown must not take
     * one of them for its own (the assistant may say the same thing twice).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Set<String> partsOfOtherActions(ActionDecided action) {
        Set<String> parts = new HashSet<>();
        for (PerformedAction other : repository.otherActionsOf(action.appId(), action.conversationId(),
                action.eventId())) {
            parts.addAll(partIds(other));
            if (other.intercomPartId != null) {
                parts.add(other.intercomPartId);
            }
        }
        return parts;
    }

    /** Records how the claimed action ended, with the ids of all the parts it made. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void complete(ActionPerformed result, List<String> partIds) {
        PerformedAction entry = repository.findById(result.causationId(), LockModeType.PESSIMISTIC_WRITE);
        if (!partIds.isEmpty()) {
            entry.partsDone = partIds.size();
            entry.partIds = String.join(",", partIds);
        }
        entry.status = result.outcome() == ActionPerformed.Outcome.SUCCEEDED ? ActionStatus.DONE : ActionStatus.FAILED;
        entry.intercomPartId = result.intercomPartId();
        entry.error = result.error() == null || result.error().length() <= 500 ? result.error()
                : result.error().substring(0, 500);
        entry.completedAt = result.occurredAt();
        entry.callStartedAt = null;
        entry.leaseOwner = null;
        entry.leaseUntil = null;
    }

    private Duration lease() {
        return config.recovery().lease();
    }

    static List<String> partIds(PerformedAction entry) {
        return entry.partIds == null || entry.partIds.isEmpty() ? List.of() : Arrays.asList(entry.partIds.split(","));
    }

    // PostgreSQL keeps microseconds: a result re-published from the ledger must equal the first one
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
