package io.tandem.ingest.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

import org.jboss.logging.MDC;

/**
 * The ids every log line about a webhook carries (MDC keys {@code appId}, {@code conversationId}); with the trace
 * ids OpenTelemetry adds ({@code traceId}, {@code spanId}) they tie a line to the stages' lines of the same message.
 * Never a body, never a secret.
 */
public final class LogContext {

    static final String APP_ID = "appId";
    static final String CONVERSATION_ID = "conversationId";

    private final String appId;
    private final String conversationId;
    private final String what;
    private final SpanContext span;

    private LogContext(String appId, String conversationId, String what, SpanContext span) {
        this.appId = appId;
        this.conversationId = conversationId;
        this.what = what;
        this.span = span;
    }

    /**
     * The ids of the webhook being handled on this thread (the request's), kept for a line logged later on another
     * thread (Kafka's callback), where neither the MDC nor the trace context of the request is current.
     */
    static LogContext capture(String appId, String conversationId, String what) {
        return new LogContext(appId, conversationId, what, Span.current().getSpanContext());
    }

    /** What the webhook was, for the log line (the event's kind). */
    String what() {
        return what;
    }

    /** Runs {@code logging} with this webhook's ids and trace ids in the MDC, and leaves the MDC as it was. */
    void log(Runnable logging) {
        put(appId, conversationId);
        if (span.isValid()) {
            MDC.put("traceId", span.getTraceId());
            MDC.put("spanId", span.getSpanId());
        }
        try {
            logging.run();
        } finally {
            MDC.remove(APP_ID);
            MDC.remove(CONVERSATION_ID);
            MDC.remove("traceId");
            MDC.remove("spanId");
        }
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
