package io.tandem.contracts;

import java.util.List;

/**
 * Every Kafka topic Tandem uses, named once. Each record on them is keyed by the Intercom conversation id.
 */
public final class Topics {

    /** Verbatim Intercom webhook bodies with the headers that matter ({@link WebhookReceived}). */
    public static final String WEBHOOKS_RAW = "intercom.webhooks.raw";
    /**
     * Normalized conversation events: customer messages, teammates' parts, assignments, state changes
     * ({@link ConversationEvent}).
     */
    public static final String CONVERSATION_EVENTS = "conversation.events";
    /** Messages with intents, entities and dialog nodes ({@link MessageClassified}). */
    public static final String CONVERSATION_CLASSIFIED = "conversation.classified";
    /** What Tandem decided to do ({@link ActionDecided}). */
    public static final String CONVERSATION_ACTIONS = "conversation.actions";
    /** What happened when Tandem did it ({@link ActionPerformed}). */
    public static final String CONVERSATION_ACTION_RESULTS = "conversation.action-results";

    /** Dead letters of classifier-service, which consumes {@link #CONVERSATION_EVENTS}. */
    public static final String CLASSIFIER_DLQ = "conversation.events.classifier-dlq";
    /** Dead letters of router-service, which consumes {@link #CONVERSATION_CLASSIFIED}. */
    public static final String ROUTER_DLQ = "conversation.classified.router-dlq";
    /** Dead letters of responder-service, which consumes {@link #CONVERSATION_ACTIONS}. */
    public static final String RESPONDER_DLQ = "conversation.actions.responder-dlq";

    /** The pipeline's topics, in the order an event flows through them. */
    public static final List<String> PIPELINE = List.of(
            WEBHOOKS_RAW, CONVERSATION_EVENTS, CONVERSATION_CLASSIFIED, CONVERSATION_ACTIONS,
            CONVERSATION_ACTION_RESULTS);

    /** The dead letter topics, one per consuming stage. */
    public static final List<String> DEAD_LETTERS = List.of(CLASSIFIER_DLQ, ROUTER_DLQ, RESPONDER_DLQ);

    /** Every topic; infrastructure code creates these before the services start. */
    public static final List<String> ALL = List.of(
            WEBHOOKS_RAW, CONVERSATION_EVENTS, CONVERSATION_CLASSIFIED, CONVERSATION_ACTIONS,
            CONVERSATION_ACTION_RESULTS, CLASSIFIER_DLQ, ROUTER_DLQ, RESPONDER_DLQ);

    private Topics() {
    }
}
