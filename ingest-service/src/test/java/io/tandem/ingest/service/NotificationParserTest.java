package io.tandem.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.contracts.ConversationEvent.Attachment;
import io.tandem.contracts.ConversationEvent.Author;
import io.tandem.contracts.ConversationEvent.Owner;
import io.tandem.contracts.ConversationEvent.Part;
import io.tandem.ingest.BodyFormat;
import io.tandem.ingest.IntercomNotification;
import io.tandem.ingest.IntercomTopic;
import io.tandem.ingest.Payload;
import io.tandem.ingest.Rejection;

class NotificationParserTest {

    private final NotificationParser parser = new NotificationParser(new ObjectMapper());

    @Test
    void readsTheOpeningMessageFromTheSourceOfACurrentPayload() {
        Payload payload = Payload.userCreated();

        IntercomNotification notification = parse(payload, IntercomTopic.CONVERSATION_USER_CREATED);

        assertThat(notification.appId()).isEqualTo(Payload.TEST_APP);
        assertThat(notification.notificationId()).isEqualTo(payload.value("notificationId"));
        assertThat(notification.conversationId()).isEqualTo(payload.value("conversationId"));
        assertThat(notification.createdAt()).isEqualTo(Instant.ofEpochSecond(1767225601));
        assertThat(notification.part()).isEqualTo(new Part(payload.value("partId"), "source",
                new Author("user", "6650a1b2c3d4e5f601234567", "Ada Example"),
                "Hi, I can't log in & my password reset mail never arrives.\nCan you help?", List.of(),
                Instant.ofEpochSecond(1767225600)));
        assertThat(notification.owner()).isEqualTo(Owner.UNASSIGNED);
        assertThat(notification.state()).isEqualTo("open");
    }

    @Test
    void readsTheOpeningMessageFromTheConversationMessageOfALegacyPayload() {
        Payload payload = Payload.userCreatedLegacy();

        IntercomNotification notification = parse(payload, IntercomTopic.CONVERSATION_USER_CREATED);

        assertThat(notification.part()).isEqualTo(new Part(payload.value("partId"), "source",
                new Author("lead", "5c0000000000000000000001", "Grace Example"), "Where is my order #1234?", List.of(),
                Instant.ofEpochSecond(1553290198)));
        assertThat(notification.owner()).isEqualTo(Owner.UNASSIGNED);
    }

    @Test
    void readsTheNewCustomerPartOfAReplyNotTheOpeningMessage() {
        Payload payload = Payload.userReplied();

        IntercomNotification notification = parse(payload, IntercomTopic.CONVERSATION_USER_REPLIED);

        assertThat(notification.part()).isEqualTo(new Part(payload.value("partId"), "comment",
                new Author("user", "6650a1b2c3d4e5f601234567", "Ada Example"), "It still fails:\n\"invalid token\"",
                List.of(), Instant.ofEpochSecond(1767229200)));
        assertThat(notification.owner()).isEqualTo(new Owner("991", null));
        assertThat(notification.occurredAt()).isEqualTo(Instant.ofEpochSecond(1767229200));
    }

    @Test
    void readsAPlainTextOpeningMessageWithItsAttachmentAndTheTeamInbox() {
        Payload payload = Payload.userCreatedPlainText();

        IntercomNotification notification = parser.envelope(payload.bytes())
                .notification(IntercomTopic.CONVERSATION_USER_CREATED, BodyFormat.TEXT);

        assertThat(notification.part().text()).isEqualTo("My parcel arrived damaged <see photo> & I'd like a refund.");
        assertThat(notification.part().author()).isEqualTo(new Author("lead", "67a0c0ffee0000000000beef", "Lin Example"));
        assertThat(notification.part().attachments()).containsExactly(new Attachment("parcel.jpg",
                "https://files.example.test/parcel.jpg", "image/jpeg"));
        // admin_assignee_id 0 is Intercom's "nobody"
        assertThat(notification.owner()).isEqualTo(new Owner(null, "5017691"));
    }

    @Test
    void legacyBodiesAreHtmlWhateverTheAppIsConfiguredWith() {
        Payload payload = Payload.userCreatedLegacy();

        IntercomNotification notification = parser.envelope(payload.bytes())
                .notification(IntercomTopic.CONVERSATION_USER_CREATED, BodyFormat.TEXT);

        assertThat(notification.part().text()).isEqualTo("Where is my order #1234?");
    }

    @Test
    void picksTheNewestPartTheTopicIsAboutOverAnAutomaticBotPart() {
        Payload payload = Payload.userReplied();
        String customerPart = "{\"type\": \"conversation_part\", \"id\": \"777\", \"part_type\": \"comment\", "
                + "\"body\": \"Second\", \"created_at\": 1767229300, \"author\": {\"id\": \"u1\", \"type\": \"user\"}}, ";
        String botPart = ", {\"type\": \"conversation_part\", \"id\": \"778\", \"part_type\": \"comment\", "
                + "\"body\": \"A bot\", \"created_at\": 1767229400, \"author\": {\"id\": \"b1\", \"type\": \"bot\"}}";
        String json = payload.json();
        int partsStart = json.indexOf("\"conversation_parts\": [") + 23;
        int partsEnd = json.indexOf("],\n        \"total_count\"");
        String edited = json.substring(0, partsStart) + customerPart + json.substring(partsStart, partsEnd) + botPart
                + json.substring(partsEnd);

        IntercomNotification notification = parser.envelope(edited.getBytes(StandardCharsets.UTF_8))
                .notification(IntercomTopic.CONVERSATION_USER_REPLIED);

        assertThat(notification.part().id()).isEqualTo("777");
        assertThat(notification.part().text()).isEqualTo("Second");
    }

    @Test
    void aLifecycleNotificationWithoutPartsHasNoPartAndTakesItsTimeFromTheNotification() {
        Payload payload = Payload.legacyPart("conversation.admin.closed").with("state", "closed").with("open", "false");
        String json = payload.json();
        String withoutParts = json.substring(0, json.indexOf("\"conversation_parts\": [") + 23)
                + json.substring(json.indexOf("],\n        \"total_count\""));

        IntercomNotification notification = parser.envelope(withoutParts.getBytes(StandardCharsets.UTF_8))
                .notification(IntercomTopic.CONVERSATION_ADMIN_CLOSED);

        assertThat(notification.part()).isNull();
        assertThat(notification.state()).isEqualTo("closed");
        assertThat(notification.occurredAt()).isEqualTo(Instant.ofEpochSecond(1553291308));
    }

    @Test
    void readsTheLegacyAssigneeAsAdminOrTeam() {
        assertThat(parse(Payload.legacyPart("conversation.admin.assigned")
                .with("assignee", "{\"type\": \"admin\", \"id\": \"1957471\"}"),
                IntercomTopic.CONVERSATION_ADMIN_ASSIGNED).owner()).isEqualTo(new Owner("1957471", null));
        assertThat(parse(Payload.legacyPart("conversation.admin.assigned")
                .with("assignee", "{\"type\": \"team\", \"id\": 4242}"),
                IntercomTopic.CONVERSATION_ADMIN_ASSIGNED).owner()).isEqualTo(new Owner(null, "4242"));
    }

    @Test
    void acceptsNumericIds() {
        Payload payload = Payload.userCreated();
        String template = payload.template().replace("\"id\": \"${conversationId}\"", "\"id\": 215472621202693");

        IntercomNotification notification = parser.envelope(new Payload(template, payload.values()).bytes())
                .notification(IntercomTopic.CONVERSATION_USER_CREATED);

        assertThat(notification.conversationId()).isEqualTo("215472621202693");
    }

    @Test
    void readsTheTopicOfAPingWhoseIdIsNull() {
        assertThat(parser.envelope(Payload.ping().bytes()).topic()).isEqualTo("ping");
    }

    @Test
    void namesTheFieldWhereInvalidJsonBreaksOff() {
        String json = Payload.userCreated().json();
        String truncated = json.substring(0, json.indexOf("customer_initiated") + 4);

        assertRejected(() -> parser.envelope(truncated.getBytes(StandardCharsets.UTF_8)))
                .satisfies(e -> assertThat(((WebhookRejectedException) e).field()).isEqualTo("data.item.source.delivered_as"));
    }

    @Test
    void rejectsBodiesThatAreNotOneJsonObject() {
        assertMalformed("", "body");
        assertMalformed("not json", "body");
        assertMalformed("[1, 2]", "body");
        assertMalformed("{\"app_id\": \"testapp\"} {}", "body");
    }

    @Test
    void requiresTheAppId() {
        assertMalformed("{\"type\": \"notification_event\", \"topic\": \"ping\"}", "app_id");
        assertMalformed("{\"app_id\": 7}", "app_id");
        assertMalformed("{\"app_id\": {\"id\": \"a\"}}", "app_id");
        assertMalformed("{\"app_id\": [\"a\"]}", "app_id");
    }

    @Test
    void theEnvelopeIsTheTopLevelsFieldsWhereverTheyStandNotTheConversations() {
        String json = "{\"data\": {\"item\": {\"type\": \"conversation\", \"id\": \"123\", \"app_id\": \"b\","
                + " \"topic\": \"other\"}}, \"type\": \"notification_event\", \"app_id\": \"a\","
                + " \"topic\": \"conversation.user.created\", \"id\": \"notif_1\", \"links\": [{\"id\": \"x\"}]}";

        NotificationParser.Envelope envelope = parser.envelope(json.getBytes(StandardCharsets.UTF_8));

        assertThat(envelope.appId()).isEqualTo("a");
        assertThat(envelope.topic()).isEqualTo("conversation.user.created");
        assertThat(envelope.notificationId()).isEqualTo("notif_1");
    }

    @Test
    void theEnvelopeIsReadWhenTheConversationIsIncompleteWhichOnlyTheNotificationRefuses() {
        Payload payload = Payload.userCreated();
        String json = payload.json();
        String withoutItem = json.replace("\"item\": {", "\"other\": {");
        assertThat(withoutItem).isNotEqualTo(json);

        NotificationParser.Envelope envelope = parser.envelope(withoutItem.getBytes(StandardCharsets.UTF_8));

        assertThat(envelope.notificationId()).isEqualTo(payload.value("notificationId"));
        assertRejected(() -> envelope.notification(IntercomTopic.CONVERSATION_USER_CREATED))
                .satisfies(e -> assertThat(((WebhookRejectedException) e).field()).isEqualTo("data.item"));
    }

    @Test
    void requiresANotificationEventWithATopic() {
        assertRejected(() -> parser.envelope("{\"app_id\": \"a\", \"type\": \"event\", \"topic\": \"ping\"}"
                .getBytes(StandardCharsets.UTF_8)).topic()).hasMessageContaining("notification_event");
        assertRejected(() -> parser.envelope("{\"app_id\": \"a\", \"type\": \"notification_event\"}"
                .getBytes(StandardCharsets.UTF_8)).topic()).hasMessageContaining("topic");
    }

    @Test
    void requiresTheFieldsOfTheEnvelopeAndTheConversation() {
        assertMissing(Payload.userCreated(), "\"id\": \"${notificationId}\"", "\"no_id\": \"${notificationId}\"", "id");
        assertMissing(Payload.userCreated(), "\"created_at\": 1767225601,\n  \"self\"", "\"self\"", "created_at");
        assertMissing(Payload.userCreated(), "\"item\": {", "\"other\": {", "data.item");
        assertMissing(Payload.userCreated(), "\"source\": {", "\"origin\": {", "data.item.source");
        assertMissing(Payload.userCreated(), "\"author\": {\n          \"type\": \"user\"",
                "\"writer\": {\n          \"type\": \"user\"", "data.item.source.author");
        assertMissing(Payload.userReplied(), "\"id\": \"${partId}\"", "\"id\": null",
                "data.item.conversation_parts.conversation_parts[0].id");
        assertMissing(Payload.userCreated(), "\"delivery_attempts\": 1", "\"delivery_attempts\": \"once\"",
                "delivery_attempts");
    }

    @Test
    void requiresAReplyToHoldItsNewPart() {
        String json = Payload.userReplied().json();
        String withoutParts = json.substring(0, json.indexOf("\"conversation_parts\": [") + 23)
                + json.substring(json.indexOf("],\n        \"total_count\""));

        assertRejected(() -> parser.envelope(withoutParts.getBytes(StandardCharsets.UTF_8))
                .notification(IntercomTopic.CONVERSATION_USER_REPLIED))
                .satisfies(e -> assertThat(((WebhookRejectedException) e).field())
                        .isEqualTo("data.item.conversation_parts.conversation_parts"));
    }

    @Test
    void namesPathsThroughArrays() {
        String json = "{\"app_id\": \"a\", \"data\": {\"list\": [{\"x\": 1}, {\"y\": tru";
        assertMalformed(json, "data.list[1].y");
    }

    private IntercomNotification parse(Payload payload, IntercomTopic topic) {
        NotificationParser.Envelope envelope = parser.envelope(payload.bytes());
        assertThat(envelope.topic()).isEqualTo(topic.topic());
        return envelope.notification(topic);
    }

    private void assertMissing(Payload payload, String original, String replacement, String field) {
        String template = payload.template().replace(original, replacement);
        assertThat(template.equals(payload.template())).as("template edit for " + field).isFalse();
        Payload edited = new Payload(template, payload.values());
        IntercomTopic topic = IntercomTopic.of(payload.value("topic")).orElseThrow();
        assertRejected(() -> parser.envelope(edited.bytes()).notification(topic))
                .satisfies(e -> assertThat(((WebhookRejectedException) e).field()).isEqualTo(field));
    }

    private void assertMalformed(String body, String field) {
        assertRejected(() -> parser.envelope(body.getBytes(StandardCharsets.UTF_8)))
                .satisfies(e -> assertThat(((WebhookRejectedException) e).field()).as(body).isEqualTo(field));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(Runnable parse) {
        return assertThatThrownBy(parse::run)
                .isInstanceOf(WebhookRejectedException.class)
                .satisfies(e -> assertThat(((WebhookRejectedException) e).rejection()).isEqualTo(Rejection.MALFORMED));
    }
}
