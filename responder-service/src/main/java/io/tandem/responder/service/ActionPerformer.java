package io.tandem.responder.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.ActionPerformed;
import io.tandem.responder.ActionStatus;
import io.tandem.responder.client.IntercomConversation;
import io.tandem.responder.client.IntercomGateway;
import io.tandem.responder.client.IntercomRateLimitedException;
import io.tandem.responder.client.IntercomRejectedException;
import io.tandem.responder.client.IntercomUnauthorizedException;
import io.tandem.responder.client.IntercomUnavailableException;
import io.tandem.responder.client.RateBudget;
import io.tandem.responder.config.ResponderConfig;
import io.tandem.responder.persistence.PerformedAction;

/**
 * Performs a decided action on Intercom exactly once per action event id, and says what happened.
 * <ul>
 * <li>A redelivered or replayed action that is in the ledger as done or failed is not performed again.</li>
 * <li>A call whose outcome is unknown (timeout, cut connection, 5xx, or a crash before the ledger recorded the
 * answer) is not simply repeated: the conversation is read first and a part the call made is taken as its
 * answer.</li>
 * <li>429 waits for the window's reset; 5xx and network errors are retried with exponential backoff and jitter for
 * a bounded time; other 4xx fail the action for the dead letter topic; 401/403 park it until the workspace's token
 * works again.</li>
 * </ul>
 */
@ApplicationScoped
public class ActionPerformer {

    private static final Logger LOG = Logger.getLogger(ActionPerformer.class);
    /** How often in a row Intercom may say 429 to one call before the action is given up. */
    private static final int MAX_RATE_LIMIT_WAITS = 30;

    @Inject
    ActionLedger ledger;

    @Inject
    ActionPlanner planner;

    @Inject
    IntercomGateway intercom;

    @Inject
    RateBudget budget;

    @Inject
    ParkedActions parking;

    @Inject
    DryRunRecorder dryRun;

    @Inject
    ResponderConfig config;

    @Inject
    MeterRegistry metrics;

    private Timer handling;

    @PostConstruct
    void timers() {
        handling = Timer.builder("tandem.responder.action.handling")
                .description("Time from an action's turn in its conversation's lane to its outcome, Intercom's"
                        + " answers, retries and pauses included")
                .publishPercentiles(0.5, 0.99)
                .register(metrics);
    }

    /** Performs the action, or parks it if its workspace is paused or its conversation has parked actions. */
    public ActionOutcome handle(ActionDecided action) {
        return handling.record(() -> handleNow(action));
    }

    private ActionOutcome handleNow(ActionDecided action) {
        if (config.dryRun()) {
            return dryRun(action);
        }
        Optional<String> parkedBecause = parking.mustWait(action);
        if (parkedBecause.isPresent()) {
            parking.park(action, parkedBecause.get());
            return ActionOutcome.parked();
        }
        return perform(action);
    }

    /** Performs the action now (parked actions come here when their workspace works again). */
    public ActionOutcome perform(ActionDecided action) {
        ActionLedger.Claim claim = claimWhenFree(action);
        if (claim instanceof ActionLedger.Claim.Finished finished) {
            LOG.infof("Action %s was already performed; not calling Intercom again", action.eventId());
            metrics.counter("tandem.responder.actions.duplicates").increment();
            return ActionOutcome.duplicate(recorded(action, finished.entry()));
        }
        ActionLedger.Claim.Perform go = (ActionLedger.Claim.Perform) claim;
        try {
            List<String> partIds = performCalls(action, go);
            ActionPerformed result = result(action, ActionPerformed.Outcome.SUCCEEDED,
                    partIds.isEmpty() ? null : partIds.get(partIds.size() - 1), null);
            ledger.complete(result, partIds);
            count(action, result);
            LOG.infof("Performed %s %s in conversation %s of app %s: parts %s", action.type(), action.eventId(),
                    action.conversationId(), action.appId(), partIds);
            return ActionOutcome.performed(result);
        } catch (IntercomUnauthorizedException e) {
            ledger.release(action.eventId());
            parking.pauseAndPark(action, e.getMessage());
            return ActionOutcome.parked();
        } catch (IntercomRejectedException e) {
            return failed(action, e.getMessage(), e.detail());
        } catch (GaveUpException e) {
            return failed(action, e.getMessage(), null);
        }
    }

    private ActionLedger.Claim claimWhenFree(ActionDecided action) {
        long deadline = System.nanoTime() + config.recovery().lease().toNanos() + Duration.ofSeconds(1).toNanos();
        while (true) {
            ActionLedger.Claim claim = ledger.claim(action);
            if (!(claim instanceof ActionLedger.Claim.Busy) || System.nanoTime() > deadline) {
                if (claim instanceof ActionLedger.Claim.Busy) {
                    throw new IllegalStateException("action " + action.eventId() + " stays claimed by another replica");
                }
                return claim;
            }
            // another replica performs it (a rebalance handed the record to both): wait for its outcome
            sleep(Duration.ofMillis(500));
        }
    }

    private List<String> performCalls(ActionDecided action, ActionLedger.Claim.Perform go) {
        String adminId = action.adminId() != null && !action.adminId().isBlank()
                ? action.adminId()
                : intercom.botAdminId(action.appId());
        List<PlannedCall> calls = planner.plan(action, adminId, quickRepliesShown(action));
        List<String> partIds = new ArrayList<>(go.partIds());
        Instant since = go.claimedAt().minus(config.recovery().clockSkew());
        for (int i = partIds.size(); i < calls.size(); i++) {
            PlannedCall call = calls.get(i);
            // Intercom has no typing indicator for apps: a pause is a wait between two parts
            sleep(Duration.ofMillis(call.delayBeforeMs()));
            boolean interrupted = go.callInterrupted() && i == go.partIds().size();
            String partId = performCall(action, call, interrupted, since, partIds);
            if (i + 1 < calls.size()) {
                // the last part is recorded with the completion
                ledger.partDone(action.eventId(), partId);
            }
            partIds.add(partId == null ? "?" : partId);
        }
        return partIds;
    }

    /** Makes one call, retrying what Intercom could not take now; never makes a part twice. */
    private String performCall(ActionDecided action, PlannedCall call, boolean interrupted, Instant since,
            List<String> recorded) {
        long deadline = System.nanoTime() + config.retry().maxDuration().toNanos();
        Duration backoff = config.retry().initialDelay();
        boolean outcomeUnknown = interrupted;
        // the claim, or the previous part, marked this call as started
        boolean startRecorded = true;
        int rateLimitWaits = 0;
        while (true) {
            boolean calling = false;
            try {
                if (outcomeUnknown) {
                    IntercomConversation conversation = intercom.conversation(action.appId(), action.conversationId());
                    Set<String> notThisCall = new HashSet<>(recorded);
                    notThisCall.addAll(ledger.partsOfOtherActions(action));
                    Optional<String> made = PartFinder.find(conversation, call, since, notThisCall);
                    if (made.isPresent()) {
                        LOG.infof("Action %s: Intercom had made part %s before the call's answer was lost; not calling"
                                + " again", action.eventId(), made.get());
                        metrics.counter("tandem.responder.calls.recovered").increment();
                        return made.get();
                    }
                    outcomeUnknown = false;
                }
                if (!startRecorded) {
                    ledger.callStarted(action.eventId());
                    startRecorded = true;
                }
                calling = true;
                IntercomConversation answer = call instanceof PlannedCall.Reply reply
                        ? intercom.reply(action.appId(), action.conversationId(), reply.reply())
                        : intercom.assign(action.appId(), action.conversationId(),
                                ((PlannedCall.Assign) call).assignment());
                return answer == null ? null : answer.newestPartId();
            } catch (IntercomUnauthorizedException e) {
                if (calling) {
                    ledger.callNotMade(action.eventId());
                }
                throw e;
            } catch (IntercomRateLimitedException e) {
                // Intercom did not act; wait for the window to reset (the budget tells the other replicas)
                if (calling) {
                    ledger.callNotMade(action.eventId());
                    startRecorded = false;
                }
                if (++rateLimitWaits > MAX_RATE_LIMIT_WAITS) {
                    throw new GaveUpException(e.getMessage() + " " + rateLimitWaits + " times in a row");
                }
                metrics.counter("tandem.responder.rate.limit.waits", "reason", "429").increment();
                Duration wait = Duration.between(Instant.now(), budget.resetAtOrDefault(e.resetAt()));
                LOG.infof("Intercom's rate limit for app %s is used up; action %s waits %d ms", action.appId(),
                        action.eventId(), Math.max(wait.toMillis(), 0));
                sleep(wait.plusMillis(ThreadLocalRandom.current().nextLong(0, 200)));
            } catch (IntercomUnavailableException e) {
                outcomeUnknown = outcomeUnknown || (calling && e.mayHaveActed());
                if (System.nanoTime() > deadline) {
                    throw new GaveUpException(e.getMessage() + "; gave up after "
                            + config.retry().maxDuration().toSeconds() + " s");
                }
                metrics.counter("tandem.responder.calls.retried").increment();
                LOG.warnf("Action %s: %s; trying again in about %d ms%s", action.eventId(), e.getMessage(),
                        backoff.toMillis(), outcomeUnknown ? " after looking at the conversation" : "");
                sleep(withJitter(backoff));
                backoff = backoff.multipliedBy(2);
                if (backoff.compareTo(config.retry().maxDelay()) > 0) {
                    backoff = config.retry().maxDelay();
                }
            }
        }
    }

    /** Whether the conversation's channel shows quick-reply buttons; asked only for replies that offer options. */
    private boolean quickRepliesShown(ActionDecided action) {
        if (!config.quickReplies() || !ActionPlanner.offersOptions(action)) {
            return false;
        }
        try {
            return intercom.conversation(action.appId(), action.conversationId()).showsQuickReplies();
        } catch (IntercomUnavailableException | IntercomRateLimitedException e) {
            // the numbered list works on every channel; the buttons are a convenience
            LOG.infof("Could not tell the channel of conversation %s (%s); sending the options as a list only",
                    action.conversationId(), e.getMessage());
            return false;
        }
    }

    private ActionOutcome dryRun(ActionDecided action) {
        String adminId = action.adminId() != null && !action.adminId().isBlank() ? action.adminId() : "(bot admin)";
        List<PlannedCall> calls;
        try {
            calls = planner.plan(action, adminId, false);
        } catch (InvalidActionException e) {
            calls = List.of();
        }
        dryRun.record(action, calls);
        LOG.infof("Dry run: %s %s in conversation %s recorded with %d call(s), nothing sent", action.type(),
                action.eventId(), action.conversationId(), calls.size());
        return ActionOutcome.dryRun();
    }

    private ActionOutcome failed(ActionDecided action, String error, String detail) {
        ActionPerformed result = result(action, ActionPerformed.Outcome.FAILED, null, error);
        ledger.complete(result, List.of());
        count(action, result);
        LOG.warnf("Could not perform %s %s in conversation %s of app %s: %s", action.type(), action.eventId(),
                action.conversationId(), action.appId(), error);
        return ActionOutcome.deadLetter(result, detail == null ? error : error + ": " + detail);
    }

    private void count(ActionDecided action, ActionPerformed result) {
        metrics.counter("tandem.responder.actions.performed",
                "type", action.type().name(), "outcome", result.outcome().name()).increment();
    }

    private static ActionPerformed recorded(ActionDecided action, PerformedAction entry) {
        ActionPerformed.Outcome outcome = entry.status == ActionStatus.DONE
                ? ActionPerformed.Outcome.SUCCEEDED
                : ActionPerformed.Outcome.FAILED;
        return new ActionPerformed(ActionPerformed.SCHEMA_VERSION, ActionPerformed.idFor(action.eventId()),
                action.eventId(), action.appId(), action.conversationId(), entry.completedAt, action.type(), outcome,
                entry.intercomPartId, entry.error);
    }

    private static ActionPerformed result(ActionDecided action, ActionPerformed.Outcome outcome,
            String intercomPartId, String error) {
        return new ActionPerformed(ActionPerformed.SCHEMA_VERSION, ActionPerformed.idFor(action.eventId()),
                action.eventId(), action.appId(), action.conversationId(), ActionLedger.now(), action.type(), outcome,
                intercomPartId, error);
    }

    private static Duration withJitter(Duration delay) {
        long ms = delay.toMillis();
        // full jitter on the upper half: between half the delay and the delay
        return Duration.ofMillis(ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1));
    }

    static void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Intercom could not take a call for longer than the retries allow. */
    static final class GaveUpException extends RuntimeException {

        GaveUpException(String message) {
            super(message, null, false, false);
        }
    }
}
