package io.tandem.ingest.messaging;

import org.jboss.logging.MDC;

/**
 * The ids every log line about a webhook carries (MDC keys {@code appId}, {@code conversationId}); with the trace
 * ids OpenTelemetry adds ({@code traceId}, {@code spanId}) they tie a line to the stages' lines of the same message.
 * Never a body, never a secret.
 */
final class LogContext {

    static final String APP_ID = "appId";
    static final String CONVERSATION_ID = "conversationId";

    private LogContext() {
    }

    static void put(String appId, String conversationId) {
        putIfPresent(APP_ID, appId);
        putIfPresent(CONVERSATION_ID, conversationId);
    }

    private static void putIfPresent(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
