package io.tandem.responder.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.tandem.contracts.ActionDecided;
import io.tandem.responder.config.ResponderConfig;
import io.tandem.responder.persistence.ParkedActionRepository;

/**
 * Workspaces whose token Intercom refuses (401/403) and the actions that wait for them. While a workspace is
 * paused nothing is sent for it; its actions are kept in PostgreSQL in arrival order (so they survive a restart)
 * and the Kafka records are acknowledged, so other workspaces go on. A conversation with waiting actions keeps its
 * later actions waiting behind them.
 */
@ApplicationScoped
public class ParkedActions {

    private static final Logger LOG = Logger.getLogger(ParkedActions.class);

    @Inject
    ParkedActionRepository repository;

    @Inject
    ResponderConfig config;

    @Inject
    MeterRegistry metrics;

    /** Paused workspaces with the reason. */
    private final Map<String, String> paused = new ConcurrentHashMap<>();
    /** Workspaces that have (or had, since start) parked actions: only these pay for a look at the table. */
    private final Set<String> mayHaveParked = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void loadParkedFromBefore() {
        for (String appId : config.apps().keySet()) {
            metrics.gauge("tandem.responder.workspace.paused", java.util.List.of(
                    io.micrometer.core.instrument.Tag.of("app_id", appId)), paused,
                    p -> p.containsKey(appId) ? 1 : 0);
        }
        if (config.dryRun()) {
            return; // a dry run (replays) leaves the live responders' parked actions alone
        }
        for (String appId : appsWithParked()) {
            // resumed by the next probe, which first checks that the token works
            paused.put(appId, "actions parked before a restart");
        }
    }

    /** Why the action must wait, if it must. */
    public Optional<String> mustWait(ActionDecided action) {
        String reason = paused.get(action.appId());
        if (reason != null) {
            return Optional.of(reason);
        }
        if (mayHaveParked.contains(action.appId())
                && repository.hasParked(action.appId(), action.conversationId())) {
            return Optional.of("earlier actions of the conversation are waiting");
        }
        return Optional.empty();
    }

    public void park(ActionDecided action, String reason) {
        mayHaveParked.add(action.appId());
        repository.park(action, reason, ActionLedger.now());
        metrics.counter("tandem.responder.actions.parked").increment();
        LOG.infof("Action %s of app %s waits until the workspace's token works (%s)", action.eventId(),
                action.appId(), reason);
    }

    /** Intercom refused the workspace's token: stop sending for it and keep the action. */
    public void pauseAndPark(ActionDecided action, String reason) {
        if (paused.putIfAbsent(action.appId(), reason) == null) {
            LOG.errorf("Intercom refuses app %s (%s): nothing is sent for it until its token works again",
                    action.appId(), reason);
        }
        park(action, reason);
    }

    /**
     * The workspaces with parked actions, whichever replica parked them; from now on this replica looks at the table
     * before performing their actions, so that none overtakes an action parked before it.
     */
    public Set<String> appsWithParked() {
        List<String> apps = repository.appsWithParked();
        mayHaveParked.addAll(apps);
        return new TreeSet<>(apps);
    }

    /** Stops sending for the workspace until the next probe finds its token working. */
    public void pause(String appId, String reason) {
        mayHaveParked.add(appId);
        paused.putIfAbsent(appId, reason);
    }

    public boolean isPaused(String appId) {
        return paused.containsKey(appId);
    }

    /** Paused workspaces and why, by app id. */
    public Map<String, String> paused() {
        return new TreeMap<>(paused);
    }

    public void resume(String appId) {
        if (paused.remove(appId) != null) {
            LOG.infof("Intercom takes app %s's token again: sending resumes", appId);
        }
    }

    public ParkedActionRepository repository() {
        return repository;
    }
}
