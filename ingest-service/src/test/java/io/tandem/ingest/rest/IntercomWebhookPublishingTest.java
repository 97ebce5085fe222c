package io.tandem.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.Topics;
import io.tandem.contracts.WebhookReceived;
import io.tandem.ingest.Metrics;
import io.tandem.ingest.Payload;
import io.tandem.ingest.Signatures;
import io.tandem.ingest.TopicProbe;
import io.tandem.ingest.Webhooks;
import io.tandem.testsupport.TandemInfraResource;

@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class IntercomWebhookPublishingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSignedConversationStartPublishesTheRawWebhookAndTheMessageKeyedByConversation() throws Exception {
        Payload payload = Payload.userCreated();
        String conversationId = payload.value("conversationId");
        TopicProbe raw = TopicProbe.at(Topics.WEBHOOKS_RAW);
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);

        Webhooks.post(payload).statusCode(200).body("outcome", equalTo("ACCEPTED"));

        List<ConsumerRecord<String, String>> rawRecords = raw.recordsWithKey(conversationId);
        assertThat(rawRecords).hasSize(1);
        ConsumerRecord<String, String> rawRecord = rawRecords.get(0);
        String rawEventId = WebhookReceived.idFor(Payload.TEST_APP, payload.value("notificationId"));
        assertThat(TopicProbe.header(rawRecord, "ce_id")).isEqualTo(rawEventId);
        assertThat(TopicProbe.header(rawRecord, "ce_type")).isEqualTo("io.tandem.WebhookReceived.v1");
        assertThat(TopicProbe.header(rawRecord, "ce_source")).isEqualTo("tandem:ingest-service");
        JsonNode webhook = JSON.readTree(rawRecord.value());
        assertThat(webhook.path("eventId").asText()).isEqualTo(rawEventId);
        assertThat(webhook.path("causationId").asText()).isEqualTo(payload.value("notificationId"));
        assertThat(webhook.path("appId").asText()).isEqualTo(Payload.TEST_APP);
        assertThat(webhook.path("topic").asText()).isEqualTo("conversation.user.created");
        assertThat(webhook.path("body").asText()).isEqualTo(payload.json());
        assertThat(webhook.path("headers").path("x-hub-signature").asText())
                .isEqualTo(Signatures.intercom(payload.bytes(), Payload.TEST_SECRET));
        assertThat(webhook.path("headers").path("content-type").asText()).startsWith("application/json");
        assertThat(webhook.path("headers").path("user-agent").asText()).isEqualTo("Intercom-Webhooks/test");

        List<ConsumerRecord<String, String>> eventRecords = events.recordsWithKey(conversationId);
        assertThat(eventRecords).hasSize(1);
        ConsumerRecord<String, String> eventRecord = eventRecords.get(0);
        String messageEventId = ConversationEvent.idFor(Payload.TEST_APP, conversationId, payload.value("partId"));
        assertThat(TopicProbe.header(eventRecord, "ce_id")).isEqualTo(messageEventId);
        assertThat(TopicProbe.header(eventRecord, "ce_type")).isEqualTo("io.tandem.ConversationEvent.v2");
        assertThat(TopicProbe.header(eventRecord, "ce_causationid")).isEqualTo(rawEventId);
        JsonNode message = JSON.readTree(eventRecord.value());
        assertThat(message.path("eventId").asText()).isEqualTo(messageEventId);
        assertThat(message.path("causationId").asText()).isEqualTo(rawEventId);
        assertThat(message.path("conversationId").asText()).isEqualTo(conversationId);
        assertThat(message.path("notificationId").asText()).isEqualTo(payload.value("notificationId"));
        assertThat(message.path("schemaVersion").asInt()).isEqualTo(2);
        assertThat(message.path("topic").asText()).isEqualTo("conversation.user.created");
        assertThat(message.path("kind").asText()).isEqualTo("CONVERSATION_STARTED");
        assertThat(message.path("part").path("id").asText()).isEqualTo(payload.value("partId"));
        assertThat(message.path("part").path("author").path("type").asText()).isEqualTo("user");
        assertThat(message.path("part").path("author").path("id").asText()).isEqualTo("6650a1b2c3d4e5f601234567");
        assertThat(message.path("part").path("text").asText())
                .isEqualTo("Hi, I can't log in & my password reset mail never arrives.\nCan you help?");
        assertThat(message.path("state").asText()).isEqualTo("open");
        assertThat(message.path("authoredByTandem").asBoolean()).isFalse();
        assertThat(message.path("occurredAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void aLegacyConversationStartIsNormalizedTheSameWay() throws Exception {
        Payload payload = Payload.userCreatedLegacy();

        JsonNode message = onlyMessagePublishedFor(payload);

        assertThat(message.path("kind").asText()).isEqualTo("CONVERSATION_STARTED");
        assertThat(message.path("part").path("id").asText()).isEqualTo(payload.value("partId"));
        assertThat(message.path("part").path("author").path("type").asText()).isEqualTo("lead");
        assertThat(message.path("part").path("text").asText()).isEqualTo("Where is my order #1234?");
    }

    @Test
    void aReplyPublishesTheNewPartNotTheOpeningMessage() throws Exception {
        Payload payload = Payload.userReplied();

        JsonNode message = onlyMessagePublishedFor(payload);

        assertThat(message.path("kind").asText()).isEqualTo("CUSTOMER_REPLIED");
        assertThat(message.path("part").path("id").asText()).isEqualTo(payload.value("partId"));
        assertThat(message.path("part").path("text").asText()).isEqualTo("It still fails:\n\"invalid token\"");
    }

    @Test
    void aBodyJustUnderTheSizeLimitIsPublished() {
        Payload payload = Payload.userCreated();
        String padding = "x".repeat(1_048_576 - payload.bytes().length - 40);
        Payload large = new Payload(payload.template().replace("\"custom_attributes\": {}",
                "\"custom_attributes\": {\"padding\": \"" + padding + "\"}"), payload.values());
        assertThat(large.bytes().length).isBetween(1_040_000, 1_048_576);
        TopicProbe raw = TopicProbe.at(Topics.WEBHOOKS_RAW);

        Webhooks.post(large).statusCode(200);

        List<ConsumerRecord<String, String>> records = raw.recordsWithKey(payload.value("conversationId"));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1_040_000);
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void aStreamedBodyWithoutContentLengthIsVerifiedOverItsExactBytes(HttpClient.Version version) throws Exception {
        Payload payload = Payload.userReplied();
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);

        HttpResponse<String> response = Webhooks.postStreamed(payload.bytes(),
                Signatures.intercom(payload.bytes(), Payload.TEST_SECRET), version);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(events.recordsWithKey(payload.value("conversationId"))).hasSize(1);
    }

    @Test
    void pingIsAnsweredAndNothingIsPublished() {
        TopicProbe raw = TopicProbe.at(Topics.WEBHOOKS_RAW);
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);

        Webhooks.post(Payload.ping()).statusCode(200).body("outcome", equalTo("IGNORED"));

        assertThat(raw.records()).isEmpty();
        assertThat(events.records()).isEmpty();
    }

    @Test
    void aTopicTandemDoesNotUseIsAnsweredCountedAndNotPublished() {
        Payload payload = Payload.userCreated().with("topic", "conversation.read");
        TopicProbe raw = TopicProbe.at(Topics.WEBHOOKS_RAW);
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);
        double before = Metrics.counter("tandem_ingest_webhooks_ignored_total", "topic", "conversation.read");

        Webhooks.post(payload).statusCode(200).body("outcome", equalTo("IGNORED"));

        assertThat(raw.recordsWithKey(payload.value("conversationId"))).isEmpty();
        assertThat(events.recordsWithKey(payload.value("conversationId"))).isEmpty();
        assertThat(Metrics.counter("tandem_ingest_webhooks_ignored_total", "topic", "conversation.read"))
                .isEqualTo(before + 1);
    }

    @Test
    void anAcceptedWebhookIsCounted() {
        double before = Metrics.counter("tandem_ingest_webhooks_accepted_total", "topic", "conversation.user.created");

        Webhooks.post(Payload.userCreated()).statusCode(200);

        assertThat(Metrics.counter("tandem_ingest_webhooks_accepted_total", "topic", "conversation.user.created"))
                .isEqualTo(before + 1);
    }

    /** Posts the payload and reads the one message event it published. */
    private static JsonNode onlyMessagePublishedFor(Payload payload) throws Exception {
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);

        Webhooks.post(payload).statusCode(200);

        List<ConsumerRecord<String, String>> records = events.recordsWithKey(payload.value("conversationId"));
        assertThat(records).hasSize(1);
        return JSON.readTree(records.get(0).value());
    }
}
