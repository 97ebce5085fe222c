package io.tandem.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.contracts.Topics;
import io.tandem.ingest.Metrics;
import io.tandem.ingest.Payload;
import io.tandem.ingest.TopicProbe;
import io.tandem.ingest.Webhooks;
import io.tandem.testsupport.TandemInfraResource;

@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class DeduplicationTest {

    @Test
    void aRedeliveredNotificationIsAnswered200AndPublishedOnce() {
        Payload payload = Payload.userCreated();
        TopicProbe raw = TopicProbe.at(Topics.WEBHOOKS_RAW);
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);
        double before = Metrics.counter("tandem_ingest_webhooks_duplicate_total", "by", "notification");

        Webhooks.post(payload).statusCode(200).body("outcome", equalTo("ACCEPTED"));
        Webhooks.post(payload).statusCode(200).body("outcome", equalTo("DUPLICATE"));

        assertThat(raw.recordsWithKey(payload.value("conversationId"))).hasSize(1);
        assertThat(events.recordsWithKey(payload.value("conversationId"))).hasSize(1);
        assertThat(Metrics.counter("tandem_ingest_webhooks_duplicate_total", "by", "notification"))
                .isEqualTo(before + 1);
    }

    @Test
    void thePartOfAnotherNotificationIsPublishedOnceWhileEachNotificationIsKept() {
        Payload first = Payload.userReplied();
        Payload second = first.with("notificationId", "notif_again-" + first.value("notificationId"));
        TopicProbe raw = TopicProbe.at(Topics.WEBHOOKS_RAW);
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);
        double before = Metrics.counter("tandem_ingest_webhooks_duplicate_total", "by", "part");

        Webhooks.post(first).statusCode(200).body("outcome", equalTo("ACCEPTED"));
        Webhooks.post(second).statusCode(200).body("outcome", equalTo("ACCEPTED"));

        assertThat(events.recordsWithKey(first.value("conversationId"))).hasSize(1);
        assertThat(raw.recordsWithKey(first.value("conversationId"))).hasSize(2);
        assertThat(Metrics.counter("tandem_ingest_webhooks_duplicate_total", "by", "part")).isEqualTo(before + 1);
    }

    @Test
    void aPartArrivingUnderAnotherTopicIsPublishedOnce() {
        Payload created = Payload.userCreated();
        // the same customer message, also announced as a reply
        Payload replied = Payload.userReplied()
                .with("conversationId", created.value("conversationId"))
                .with("partId", created.value("partId"));
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);

        Webhooks.post(created).statusCode(200);
        Webhooks.post(replied).statusCode(200);

        assertThat(events.recordsWithKey(created.value("conversationId"))).hasSize(1);
    }

    @Test
    void aPartDeliveredByTwoAppsIsPublishedOnce() {
        Payload fromTestApp = Payload.userReplied();
        Payload fromOtherApp = fromTestApp.with("appId", Payload.OTHER_APP);
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);

        Webhooks.post(fromTestApp).statusCode(200);
        Webhooks.post(fromOtherApp, Payload.OTHER_SECRET).statusCode(200);

        assertThat(events.recordsWithKey(fromTestApp.value("conversationId"))).hasSize(1);
    }

    @Test
    void theSameNotificationIdFromAnotherAppIsAnotherNotification() {
        Payload fromTestApp = Payload.userReplied();
        Payload fromOtherApp = Payload.userReplied().with("appId", Payload.OTHER_APP)
                .with("notificationId", fromTestApp.value("notificationId"));
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);

        Webhooks.post(fromTestApp).statusCode(200);
        Webhooks.post(fromOtherApp, Payload.OTHER_SECRET).statusCode(200).body("outcome", equalTo("ACCEPTED"));

        assertThat(events.recordsWithKey(fromOtherApp.value("conversationId"))).hasSize(1);
    }

    @Test
    void lifecycleEventsWithoutAPartAreToldApartByTheirNotification() {
        Payload closed = Payload.currentPart("conversation.admin.closed").with("state", "closed").with("open", "false")
                .withoutParts();
        Payload reopened = Payload.currentPart("conversation.admin.opened")
                .with("conversationId", closed.value("conversationId")).withoutParts();
        Payload closedAgain = Payload.currentPart("conversation.admin.closed")
                .with("conversationId", closed.value("conversationId")).with("state", "closed").with("open", "false")
                .withoutParts();
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);

        Webhooks.post(closed).statusCode(200).body("outcome", equalTo("ACCEPTED"));
        Webhooks.post(reopened).statusCode(200).body("outcome", equalTo("ACCEPTED"));
        Webhooks.post(closedAgain).statusCode(200).body("outcome", equalTo("ACCEPTED"));
        Webhooks.post(closedAgain).statusCode(200).body("outcome", equalTo("DUPLICATE"));

        assertThat(events.recordsWithKey(closed.value("conversationId"))).extracting(record -> record.value())
                .hasSize(3)
                .satisfiesExactly(
                        value -> assertThat(value).contains("\"CLOSED\"", closed.value("notificationId")),
                        value -> assertThat(value).contains("\"OPENED\"", reopened.value("notificationId")),
                        value -> assertThat(value).contains("\"CLOSED\"", closedAgain.value("notificationId")));
    }
}
