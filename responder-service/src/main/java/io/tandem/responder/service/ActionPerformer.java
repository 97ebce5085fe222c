package io.tandem.responder.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.ActionPerformed;
import io.tandem.responder.ActionStatus;
import io.tandem.responder.client.IntercomConversation;
import io.tandem.responder.client.IntercomException;
import io.tandem.responder.client.IntercomGateway;
import io.tandem.responder.persistence.PerformedAction;

/**
 * Performs a decided action on Intercom at most once per action event (see the README for the remaining window)
 * and says what happened.
 */
@ApplicationScoped
public class ActionPerformer {

    private static final Logger LOG = Logger.getLogger(ActionPerformer.class);

    @Inject
    ActionLedger ledger;

    @Inject
    IntercomGateway intercom;

    @Inject
    MeterRegistry metrics;

    /**
     * @return the result to publish: a fresh one, or the one recorded when the action was performed before
     */
    public ActionPerformed perform(ActionDecided action) {
        Optional<PerformedAction> performedBefore = ledger.claim(action, now());
        if (performedBefore.isPresent()) {
            LOG.infof("Action %s was already performed; not calling Intercom again", action.eventId());
            metrics.counter("tandem.responder.actions.duplicates").increment();
            return recorded(action, performedBefore.get());
        }
        ActionPerformed result = attempt(action);
        ledger.complete(result);
        metrics.counter("tandem.responder.actions.performed",
                "type", action.type().name(), "outcome", result.outcome().name()).increment();
        if (result.outcome() == ActionPerformed.Outcome.SUCCEEDED) {
            LOG.infof("Performed %s %s in conversation %s of app %s: part %s", action.type(), action.eventId(),
                    action.conversationId(), action.appId(), result.intercomPartId());
        } else {
            LOG.warnf("Could not perform %s %s in conversation %s of app %s: %s", action.type(), action.eventId(),
                    action.conversationId(), action.appId(), result.error());
        }
        return result;
    }

    private ActionPerformed attempt(ActionDecided action) {
        try {
            IntercomConversation answer = switch (action.type()) {
                case REPLY -> intercom.reply(action.appId(), action.conversationId(), bodyOf(action));
                case NOTE -> intercom.note(action.appId(), action.conversationId(), bodyOf(action));
                case ASSIGN -> intercom.assign(action.appId(), action.conversationId(), assigneeOf(action));
            };
            return result(action, now(), ActionPerformed.Outcome.SUCCEEDED, answer == null ? null : answer.newestPartId(),
                    null);
        } catch (IntercomException | InvalidActionException e) {
            return result(action, now(), ActionPerformed.Outcome.FAILED, null, e.getMessage());
        }
    }

    private static String bodyOf(ActionDecided action) {
        if (action.body() == null || action.body().isBlank()) {
            throw new InvalidActionException(action.type() + " action without a body");
        }
        return action.body();
    }

    private static String assigneeOf(ActionDecided action) {
        if (action.assignee() == null || action.assignee().id() == null || action.assignee().id().isBlank()) {
            throw new InvalidActionException("ASSIGN action without an assignee");
        }
        return action.assignee().id();
    }

    private static ActionPerformed recorded(ActionDecided action, PerformedAction entry) {
        ActionPerformed.Outcome outcome = entry.status == ActionStatus.DONE
                ? ActionPerformed.Outcome.SUCCEEDED
                : ActionPerformed.Outcome.FAILED;
        return result(action, entry.completedAt, outcome, entry.intercomPartId, entry.error);
    }

    private static ActionPerformed result(ActionDecided action, Instant at, ActionPerformed.Outcome outcome,
            String intercomPartId, String error) {
        return new ActionPerformed(ActionPerformed.SCHEMA_VERSION, ActionPerformed.idFor(action.eventId()),
                action.eventId(), action.appId(), action.conversationId(), at, action.type(), outcome,
                intercomPartId, error);
    }

    // PostgreSQL keeps microseconds: a result re-published from the ledger must equal the first one
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
