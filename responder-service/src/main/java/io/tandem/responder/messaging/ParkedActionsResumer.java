package io.tandem.responder.messaging;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.tandem.contracts.ActionDecided;
import io.tandem.responder.client.IntercomException;
import io.tandem.responder.client.IntercomGateway;
import io.tandem.responder.client.IntercomUnauthorizedException;
import io.tandem.responder.config.ResponderConfig;
import io.tandem.responder.persistence.ParkedActionRepository;
import io.tandem.responder.service.ActionOutcome;
import io.tandem.responder.service.ActionPerformer;
import io.tandem.responder.service.ConversationLanes;
import io.tandem.responder.service.ParkedActions;

/**
 * Tries the token of each workspace that is paused here or has parked actions (any replica's: they are shared) every
 * {@code tandem.responder.auth-probe-interval} ({@code GET /me}); once
 * Intercom takes it, sending resumes and the parked actions are performed, each conversation's in their order and
 * in its lane, before anything that arrived after them. If performing them fails (PostgreSQL or Kafka away), the
 * workspace is paused again and the next probe tries once more. A dry run (replays) never resumes parked actions:
 * they belong to the live responders.
 */
@ApplicationScoped
public class ParkedActionsResumer {

    private static final Logger LOG = Logger.getLogger(ParkedActionsResumer.class);

    @Inject
    ParkedActions parking;

    @Inject
    IntercomGateway intercom;

    @Inject
    ConversationLanes lanes;

    @Inject
    ActionPerformer performer;

    @Inject
    ActionDecidedConsumer consumer;

    @Inject
    ResponderConfig config;

    @Scheduled(every = "${tandem.responder.auth-probe-interval}", delayed = "${tandem.responder.auth-probe-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probePausedWorkspaces() {
        if (config.dryRun()) {
            return;
        }
        // parked actions are shared: those of a replica that went away (or that has not probed yet) count too
        Set<String> waiting = new TreeSet<>(parking.paused().keySet());
        waiting.addAll(parking.appsWithParked());
        for (String appId : waiting) {
            try {
                intercom.me(appId);
            } catch (IntercomUnauthorizedException stillRefused) {
                continue;
            } catch (IntercomException | IllegalStateException notNow) {
                LOG.debugf("Probe of app %s: %s", appId, notNow.getMessage());
                continue;
            }
            parking.resume(appId);
            resume(appId);
        }
    }

    /** Hands each conversation's parked actions to its lane. */
    void resume(String appId) {
        if (config.dryRun()) {
            return;
        }
        ParkedActionRepository parked = parking.repository();
        for (String conversationId : parked.conversationsWithParked(appId)) {
            lanes.submit(conversationId, () -> {
                try {
                    performParked(appId, conversationId);
                } catch (RuntimeException e) {
                    // the rest stays parked: pause the workspace again so that the next probe resumes it
                    LOG.errorf(e, "Performing the parked actions of conversation %s of app %s failed; the next probe"
                            + " tries again", conversationId, appId);
                    parking.pause(appId, "performing its parked actions failed: " + e.getClass().getSimpleName());
                }
                return null;
            });
        }
    }

    private void performParked(String appId, String conversationId) {
        ParkedActionRepository parked = parking.repository();
        while (!parking.isPaused(appId)) {
            var next = parked.oldest(appId, conversationId);
            if (next.isEmpty()) {
                return;
            }
            ActionDecided action = next.get().action();
            ActionOutcome outcome = performer.perform(action);
            switch (outcome.kind()) {
                case PARKED -> {
                    return;
                }
                case DEAD_LETTER -> {
                    consumer.publish(outcome).await().indefinitely();
                    consumer.deadLetter(action, outcome.deadLetterReason()).await().indefinitely();
                }
                case PERFORMED, SKIPPED_DUPLICATE -> consumer.publish(outcome).await().indefinitely();
                case DRY_RUN -> {
                    // performed nothing; the dry run recorded it
                }
            }
            parked.remove(next.get().seq());
        }
    }
}
