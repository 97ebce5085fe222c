package io.tandem.ingest.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * Writes the current trace context (W3C {@code traceparent}) into a record's headers, as SmallRye's Kafka connector
 * does for the other services' channels: the classifier's consumer span continues the webhook request's trace.
 */
final class TraceHeaders {

    private static final TextMapSetter<Headers> SETTER = (headers, name, value) -> {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    };

    private TraceHeaders() {
    }

    static Headers withCurrentContext(Headers headers) {
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, SETTER);
        return headers;
    }
}
