package io.tandem.responder.messaging;

import java.util.function.Supplier;

import org.jboss.logging.MDC;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.tandem.contracts.ActionDecided;

/**
 * An action's task as it runs on a conversation lane's thread: with the trace context of the record it came in
 * ({@code traceparent} from Kafka), so the Intercom calls' client spans and log lines continue the webhook's trace,
 * and with the action's ids in the MDC ({@code appId}, {@code conversationId}). Lane threads are plain threads that
 * would otherwise carry neither.
 */
final class TracedLaneTask {

    static final String APP_ID = "appId";
    static final String CONVERSATION_ID = "conversationId";

    private TracedLaneTask() {
    }

    static <T> Supplier<T> of(ActionDecided action, Supplier<T> task) {
        Context context = Context.current();
        return () -> {
            try (Scope scope = context.makeCurrent()) {
                putIfPresent(APP_ID, action.appId());
                putIfPresent(CONVERSATION_ID, action.conversationId());
                return task.get();
            } finally {
                MDC.remove(APP_ID);
                MDC.remove(CONVERSATION_ID);
            }
        };
    }

    private static void putIfPresent(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
