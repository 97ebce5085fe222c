package io.tandem.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.Topics;
import io.tandem.contracts.WebhookReceived;
import io.tandem.ingest.Payload;
import io.tandem.ingest.TopicProbe;
import io.tandem.ingest.Webhooks;
import io.tandem.testsupport.TandemInfraResource;

/** Every topic Tandem acts on becomes one ConversationEvent, in the legacy (HTML) and the current (2.15+) shape. */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class ConversationEventNormalizationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The admin Tandem acts as in the test apps ({@code tandem.ingest.apps.<app>.bot-admin-id}). */
    private static final String TANDEM_ADMIN = "991267";

    /** topic, part_type, author type, author id, expected kind, expected state. */
    static Stream<Arguments> partTopics() {
        return Stream.of(
                Arguments.of("conversation.user.replied", "comment", "user", "5c0000000000000000000002",
                        "CUSTOMER_REPLIED", "open"),
                Arguments.of("conversation.admin.assigned", "assignment", "admin", "991", "ASSIGNED", "open"),
                Arguments.of("conversation.admin.replied", "comment", "admin", "991", "ADMIN_REPLIED", "open"),
                Arguments.of("conversation.admin.noted", "note", "admin", "991", "ADMIN_NOTED", "open"),
                Arguments.of("conversation.admin.closed", "close", "admin", "991", "CLOSED", "closed"),
                Arguments.of("conversation.admin.opened", "open", "admin", "991", "OPENED", "open"),
                Arguments.of("conversation.admin.snoozed", "snoozed", "admin", "991", "SNOOZED", "snoozed"),
                Arguments.of("conversation.operator.replied", "comment", "bot", "9608808", "OPERATOR_REPLIED",
                        "open"));
    }

    @ParameterizedTest(name = "{0} (2.15+ shape)")
    @MethodSource("partTopics")
    void theCurrentShapeOfEachTopicBecomesOneEventWithItsNewestPart(String topic, String partType, String authorType,
            String authorId, String kind, String state) throws Exception {
        Payload payload = Payload.currentPart(topic)
                .with("partType", partType).with("authorType", authorType).with("authorId", authorId)
                .with("authorName", "Pat Example")
                .with("body", "Order #1234 <b>is</b> on its way & due Friday.")
                .with("state", state).with("open", Boolean.toString(!state.equals("closed")))
                .with("adminAssigneeId", "991").with("teamAssigneeId", "0");

        JsonNode event = onlyEventPublishedFor(payload);

        assertThat(event.path("kind").asText()).isEqualTo(kind);
        assertThat(event.path("topic").asText()).isEqualTo(topic);
        assertThat(event.path("appId").asText()).isEqualTo(Payload.PLAIN_TEXT_APP);
        assertThat(event.path("eventId").asText()).isEqualTo(ConversationEvent.idFor(Payload.PLAIN_TEXT_APP,
                payload.value("conversationId"), payload.value("partId")));
        assertThat(event.path("causationId").asText()).isEqualTo(WebhookReceived.idFor(Payload.PLAIN_TEXT_APP,
                payload.value("notificationId")));
        assertThat(event.path("notificationId").asText()).isEqualTo(payload.value("notificationId"));
        JsonNode part = event.path("part");
        assertThat(part.path("id").asText()).isEqualTo(payload.value("partId"));
        assertThat(part.path("partType").asText()).isEqualTo(partType);
        assertThat(part.path("author").path("type").asText()).isEqualTo(authorType);
        assertThat(part.path("author").path("id").asText()).isEqualTo(authorId);
        assertThat(part.path("author").path("name").asText()).isEqualTo("Pat Example");
        // 2.15+ bodies are plain text: what looks like markup is the customer's text
        assertThat(part.path("text").asText()).isEqualTo("Order #1234 <b>is</b> on its way & due Friday.");
        assertThat(part.path("createdAt").asText()).isEqualTo("2026-02-25T07:13:20Z");
        assertThat(event.path("occurredAt").asText()).isEqualTo("2026-02-25T07:13:20Z");
        assertThat(event.path("owner").path("adminId").asText()).isEqualTo("991");
        assertThat(event.path("owner").path("teamId").isNull()).as("team 0 is Unassigned").isTrue();
        assertThat(event.path("state").asText()).isEqualTo(state);
        assertThat(event.path("authoredByTandem").asBoolean()).isFalse();
    }

    @ParameterizedTest(name = "{0} (legacy shape)")
    @MethodSource("partTopics")
    void theLegacyShapeOfEachTopicBecomesOneEventWithItsPartAsPlainText(String topic, String partType,
            String authorType, String authorId, String kind, String state) throws Exception {
        Payload payload = Payload.legacyPart(topic)
                .with("partType", partType).with("authorType", authorType).with("authorId", authorId)
                .with("body", "<p>Order&nbsp;#1234 is <b>on its way</b> &amp; due Friday.</p><p>Thanks!</p>")
                .with("state", state).with("open", Boolean.toString(!state.equals("closed")))
                .with("assignee", "{\"type\": \"team\", \"id\": \"4242\"}");

        JsonNode event = onlyEventPublishedFor(payload);

        assertThat(event.path("kind").asText()).isEqualTo(kind);
        JsonNode part = event.path("part");
        assertThat(part.path("id").asText()).isEqualTo(payload.value("partId"));
        assertThat(part.path("partType").asText()).isEqualTo(partType);
        assertThat(part.path("author").path("type").asText()).isEqualTo(authorType);
        assertThat(part.path("author").path("id").asText()).isEqualTo(authorId);
        assertThat(part.path("text").asText()).isEqualTo("Order #1234 is on its way & due Friday.\nThanks!");
        assertThat(part.path("attachments")).hasSize(1);
        assertThat(part.path("attachments").get(0).path("name").asText()).isEqualTo("invoice.pdf");
        assertThat(part.path("attachments").get(0).path("url").asText())
                .isEqualTo("https://files.example.test/invoice.pdf");
        assertThat(part.path("attachments").get(0).path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(event.path("owner").path("adminId").isNull()).isTrue();
        assertThat(event.path("owner").path("teamId").asText()).isEqualTo("4242");
        assertThat(event.path("state").asText()).isEqualTo(state);
    }

    @Test
    void aPlainTextConversationStartKeepsItsTextAttachmentAndTeamInbox() throws Exception {
        Payload payload = Payload.userCreatedPlainText();

        JsonNode event = onlyEventPublishedFor(payload);

        assertThat(event.path("kind").asText()).isEqualTo("CONVERSATION_STARTED");
        assertThat(event.path("part").path("partType").asText()).isEqualTo("source");
        assertThat(event.path("part").path("author").path("type").asText()).isEqualTo("lead");
        assertThat(event.path("part").path("text").asText())
                .isEqualTo("My parcel arrived damaged <see photo> & I'd like a refund.");
        assertThat(event.path("part").path("attachments").get(0).path("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(event.path("owner").path("adminId").isNull()).as("admin 0 is Unassigned").isTrue();
        assertThat(event.path("owner").path("teamId").asText()).isEqualTo("5017691");
    }

    @Test
    void aReplyByTheAdminTandemActsAsIsMarkedAuthoredByTandem() throws Exception {
        Payload payload = Payload.currentPart("conversation.admin.replied")
                .with("authorType", "admin").with("authorId", TANDEM_ADMIN).with("authorName", "Tandem Bot");

        JsonNode event = onlyEventPublishedFor(payload);

        assertThat(event.path("authoredByTandem").asBoolean()).isTrue();
    }

    @Test
    void aNoteByTheAdminTandemActsAsIsMarkedAuthoredByTandem() throws Exception {
        Payload payload = Payload.legacyPart("conversation.admin.noted")
                .with("partType", "note").with("authorType", "admin").with("authorId", TANDEM_ADMIN);

        assertThat(onlyEventPublishedFor(payload).path("authoredByTandem").asBoolean()).isTrue();
    }

    @Test
    void onlyAnAdminWithTandemsIdIsTandem() throws Exception {
        // a customer or bot whose id happens to equal Tandem's admin id is still not Tandem
        Payload customer = Payload.currentPart("conversation.user.replied")
                .with("authorType", "user").with("authorId", TANDEM_ADMIN);
        Payload otherApp = Payload.currentPart("conversation.admin.replied").with("appId", Payload.OTHER_APP)
                .with("authorId", TANDEM_ADMIN);

        assertThat(onlyEventPublishedFor(customer).path("authoredByTandem").asBoolean()).isFalse();
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);
        Webhooks.post(otherApp, Payload.OTHER_SECRET).statusCode(200);
        List<ConsumerRecord<String, String>> records = events.recordsWithKey(otherApp.value("conversationId"));
        assertThat(records).hasSize(1);
        // otherapp has no bot-admin-id configured: nothing there is Tandem's
        assertThat(JSON.readTree(records.get(0).value()).path("authoredByTandem").asBoolean()).isFalse();
    }

    @Test
    void aLifecycleNotificationWithoutAPartIsPublishedUnderItsNotificationId() throws Exception {
        Payload payload = Payload.currentPart("conversation.admin.closed").with("state", "closed")
                .with("open", "false").withoutParts();

        JsonNode event = onlyEventPublishedFor(payload);

        assertThat(event.path("kind").asText()).isEqualTo("CLOSED");
        assertThat(event.path("part").isNull()).isTrue();
        assertThat(event.path("eventId").asText()).isEqualTo(ConversationEvent.idFor(Payload.PLAIN_TEXT_APP,
                payload.value("conversationId"), payload.value("notificationId")));
        assertThat(event.path("occurredAt").asText()).isEqualTo("2026-02-25T07:13:20Z");
    }

    @Test
    void aReplyWithoutItsPartIsAnswered400() {
        Payload payload = Payload.currentPart("conversation.admin.replied").withoutParts();

        Webhooks.post(payload).statusCode(400)
                .body("field", equalTo("data.item.conversation_parts.conversation_parts"));
    }

    private static JsonNode onlyEventPublishedFor(Payload payload) throws Exception {
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);

        Webhooks.post(payload).statusCode(200).body("outcome", equalTo("ACCEPTED"));

        List<ConsumerRecord<String, String>> records = events.recordsWithKey(payload.value("conversationId"));
        assertThat(records).hasSize(1);
        assertThat(TopicProbe.header(records.get(0), "ce_type")).isEqualTo("io.tandem.ConversationEvent.v2");
        return JSON.readTree(records.get(0).value());
    }
}
