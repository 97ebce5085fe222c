package io.tandem.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Each event survives JSON as the services' ObjectMapper (Quarkus defaults) writes and reads it. */
class EventJsonRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Instant AT = Instant.parse("2026-11-25T10:15:30.123Z");

    static Stream<TandemEvent> events() {
        String raw = WebhookReceived.idFor("app1", "notif_1");
        String received = ConversationEvent.idFor("app1", "c-1", "p-1");
        String classified = MessageClassified.idFor(received);
        String action = ActionDecided.idFor(classified, 0);
        ConversationEvent customerMessage = new ConversationEvent(ConversationEvent.SCHEMA_VERSION, received, raw,
                "app1", "c-1", AT, "notif_1", "conversation.user.created",
                ConversationEvent.Kind.CONVERSATION_STARTED,
                new ConversationEvent.Part("p-1", "comment", new ConversationEvent.Author("user", "u-1", "Ann"),
                        "Where is my order?",
                        List.of(new ConversationEvent.Attachment("a.png", "https://x/a.png", "image/png")), AT),
                new ConversationEvent.Owner(null, "t-1"), "open", false, AT);
        Response option = Response.option("Pick one", "Which order?",
                List.of(new Response.Option("Order 1", "1"), new Response.Option("Order 2", "2")), "button");
        MessageClassified.NodeRef root = new MessageClassified.NodeRef("node_1", "Order status", "Track an order");
        return Stream.of(
                new WebhookReceived(WebhookReceived.SCHEMA_VERSION, raw, "notif_1", "app1", "c-1", AT, "notif_1",
                        "conversation.user.created", "{\"type\":\"notification_event\"}",
                        Map.of("content-type", "application/json")),
                customerMessage,
                new MessageClassified(MessageClassified.SCHEMA_VERSION, classified, received, "app1", "c-1", AT,
                        customerMessage,
                        new MessageClassified.Classification("3", "Where is my order?",
                                List.of(new MessageClassified.IntentScore("order_status", 0.91)),
                                List.of(new MessageClassified.EntityMatch("order_number", "12345", 4, 9, 1.0)),
                                List.of(new MessageClassified.NodeMatch(root, 0.91, true, List.of(option))),
                                List.of(new MessageClassified.VisitedNode("node_1", "Order status", false)), root,
                                false, true, List.of(Response.text("Let me check."), Response.pause(500, true), option,
                                        Response.image("https://x/i.png", "Map", null)),
                                Response.connectToAgent("Needs a refund", "Someone will help", "Nobody is in"),
                                "Track an order", contextWithANull())),
                new MessageClassified(MessageClassified.SCHEMA_VERSION, classified, received, "app1", "c-1", AT,
                        customerMessage, null),
                new ActionDecided(ActionDecided.SCHEMA_VERSION, action, classified, "app1", "c-1", AT, 0, 2,
                        ActionDecided.Type.ASSIGN, "991267", null, null, ActionDecided.Assignee.team("t-1"),
                        "asked for a human"),
                new ActionDecided(ActionDecided.SCHEMA_VERSION, action, classified, "app1", "c-1", AT, 1, 2,
                        ActionDecided.Type.REPLY, "991267", List.of(Response.text("Hi"), option), null, null,
                        "answer rule"),
                new ActionPerformed(ActionPerformed.SCHEMA_VERSION, ActionPerformed.idFor(action), action, "app1",
                        "c-1", AT, ActionDecided.Type.REPLY, ActionPerformed.Outcome.SUCCEEDED, "part-9", null));
    }

    private static Map<String, Object> contextWithANull() {
        Map<String, Object> context = new java.util.HashMap<>();
        context.put("turns", 1);
        context.put("order_number", null);
        return context;
    }

    @ParameterizedTest
    @MethodSource("events")
    void survivesAJsonRoundTripUnchanged(TandemEvent event) throws Exception {
        String json = JSON.writeValueAsString(event);

        assertThat(JSON.readValue(json, event.getClass())).isEqualTo(event);
    }

    @org.junit.jupiter.api.Test
    void writesNoDerivedPropertiesThatAreNotRecordComponents() throws Exception {
        JsonNode json = JSON.readTree(JSON.writeValueAsString(events().skip(2).findFirst().orElseThrow()));

        assertThat(json.get("event").has("carriesCustomerMessage")).isFalse();
        assertThat(json.get("classification").has("topConfidence")).isFalse();
        assertThat(json.get("classification").get("branch").has("key")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("events")
    void writesTheFieldsEveryEventCarriesWithAnIsoTimestamp(TandemEvent event) throws Exception {
        JsonNode json = JSON.readTree(JSON.writeValueAsString(event));

        assertThat(json.get("schemaVersion").asInt()).isEqualTo(event.schemaVersion());
        assertThat(json.get("eventId").asText()).isEqualTo(event.eventId());
        assertThat(json.get("causationId").asText()).isEqualTo(event.causationId());
        assertThat(json.get("appId").asText()).isEqualTo("app1");
        assertThat(json.get("conversationId").asText()).isEqualTo("c-1");
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-11-25T10:15:30.123Z");
    }

    @ParameterizedTest
    @MethodSource("events")
    void namesItsCloudEventsTypeAfterTheRecordAndItsSchemaVersion(TandemEvent event) {
        assertThat(event.cloudEventType())
                .isEqualTo("io.tandem." + event.getClass().getSimpleName() + ".v" + event.schemaVersion());
    }
}
