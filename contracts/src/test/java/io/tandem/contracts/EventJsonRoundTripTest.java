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
        String received = ConversationMessageReceived.idFor("app1", "c-1", "p-1");
        String classified = MessageClassified.idFor(received);
        String action = ActionDecided.idFor(classified, 0);
        return Stream.of(
                new WebhookReceived(WebhookReceived.SCHEMA_VERSION, raw, "notif_1", "app1", "c-1", AT, "notif_1",
                        "conversation.user.created", "{\"type\":\"notification_event\"}",
                        Map.of("content-type", "application/json")),
                new ConversationMessageReceived(ConversationMessageReceived.SCHEMA_VERSION, received, raw, "app1",
                        "c-1", AT, "notif_1", ConversationMessageReceived.Kind.CONVERSATION_STARTED, "p-1",
                        new ConversationMessageReceived.Author("user", "u-1"), "Where is my order?", AT),
                new MessageClassified(MessageClassified.SCHEMA_VERSION, classified, received, "app1", "c-1", AT, "3",
                        "Where is my order?", List.of(new MessageClassified.IntentScore("order_status", 0.91)),
                        List.of(new MessageClassified.EntityMatch("order_number", "12345", 4, 9, 1.0)),
                        List.of(new MessageClassified.VisitedNode("node_1", "Order status", false)),
                        List.of("Let me check."), contextWithANull()),
                new ActionDecided(ActionDecided.SCHEMA_VERSION, action, classified, "app1", "c-1", AT,
                        ActionDecided.Type.ASSIGN, null,
                        new ActionDecided.Assignee(ActionDecided.AssigneeType.TEAM, "t-1"), "asked for a human"),
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

    @ParameterizedTest
    @MethodSource("events")
    void writesTheFieldsEveryEventCarriesWithAnIsoTimestamp(TandemEvent event) throws Exception {
        JsonNode json = JSON.readTree(JSON.writeValueAsString(event));

        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("eventId").asText()).isEqualTo(event.eventId());
        assertThat(json.get("causationId").asText()).isEqualTo(event.causationId());
        assertThat(json.get("appId").asText()).isEqualTo("app1");
        assertThat(json.get("conversationId").asText()).isEqualTo("c-1");
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-11-25T10:15:30.123Z");
    }

    @ParameterizedTest
    @MethodSource("events")
    void namesItsCloudEventsTypeAfterTheRecordAndItsSchemaVersion(TandemEvent event) {
        assertThat(event.cloudEventType()).isEqualTo("io.tandem." + event.getClass().getSimpleName() + ".v1");
    }
}
