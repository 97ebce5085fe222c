package io.tandem.responder.service;

import java.lang.reflect.Proxy;
import java.time.Duration;

import io.tandem.responder.config.ResponderConfig;

/**
 * A {@link ResponderConfig} for unit tests of the planner: only what rendering reads.
 */
public final class PlannerFixtures {

    private PlannerFixtures() {
    }

    public static ActionPlanner planner(Duration maxPause, boolean quickReplies) {
        ActionPlanner planner = new ActionPlanner();
        planner.config = (ResponderConfig) Proxy.newProxyInstance(ResponderConfig.class.getClassLoader(),
                new Class<?>[] {ResponderConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "maxPause" -> maxPause;
                    case "quickReplies" -> quickReplies;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return planner;
    }
}
