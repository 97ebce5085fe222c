package io.tandem.sandbox.service;

import static io.restassured.RestAssured.given;
import static io.tandem.sandbox.SandboxTestClient.BOT_ADMIN_ID;
import static io.tandem.sandbox.SandboxTestClient.WEBHOOK_SECRET;
import static io.tandem.sandbox.SandboxTestClient.intercomApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tandem.sandbox.ReceivedWebhooks;
import io.tandem.sandbox.ReceivedWebhooks.Delivery;
import io.tandem.sandbox.WebhookReceiverResource;

@QuarkusTest
@WithTestResource(value = WebhookReceiverResource.class, scope = TestResourceScope.GLOBAL)
class WebhookNotifierTest {

    private static final String CREATED = "conversation.user.created";
    private static final String REPLIED = "conversation.user.replied";

    @Test
    void aNewConversationIsAnnouncedInIntercomsEnvelope() {
        long before = Instant.now().getEpochSecond();
        String id = open(Map.of("body", "My order #1234 is late", "email", "lin@example.com", "name", "Lin"));

        Delivery delivery = ReceivedWebhooks.awaitDeliveries(id, CREATED, 1).get(0);
        JsonNode event = delivery.json();

        assertThat(event.path("type").asText()).isEqualTo("notification_event");
        assertThat(event.path("app_id").asText()).isEqualTo("local");
        assertThat(event.path("id").asText()).matches("notif_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(event.path("topic").asText()).isEqualTo(CREATED);
        assertThat(event.path("delivery_status").asText()).isEqualTo("pending");
        assertThat(event.path("delivery_attempts").asInt()).isEqualTo(1);
        assertThat(event.path("delivered_at").asLong()).isZero();
        assertThat(event.path("first_sent_at").asLong()).isGreaterThanOrEqualTo(before);
        assertThat(event.path("created_at").asLong()).isGreaterThanOrEqualTo(before);
        assertThat(event.has("self")).isTrue();
        assertThat(event.path("self").isNull()).isTrue();
        assertThat(event.path("links").isObject()).isTrue();
        assertThat(event.path("links").isEmpty()).isTrue();
        assertThat(event.path("data").path("type").asText()).isEqualTo("notification_event_data");

        JsonNode item = event.path("data").path("item");
        assertThat(item.path("type").asText()).isEqualTo("conversation");
        assertThat(item.path("id").asText()).isEqualTo(id);
        assertThat(item.path("source").path("body").asText()).isEqualTo("My order #1234 is late");
        assertThat(item.path("source").path("author").path("type").asText()).isEqualTo("user");
        assertThat(item.path("source").path("author").path("email").asText()).isEqualTo("lin@example.com");
        assertThat(item.path("conversation_parts").path("type").asText()).isEqualTo("conversation_part.list");
        assertThat(item.path("conversation_parts").path("conversation_parts")).isEmpty();
        assertThat(item.path("conversation_parts").path("total_count").asInt()).isZero();
    }

    @Test
    void theSignatureIsTheHmacSha1OfTheExactBodyBytes() {
        String id = open(Map.of("body", "Ünïcödé — does the signature cover these bytes? ✓"));

        Delivery delivery = ReceivedWebhooks.awaitDeliveries(id, CREATED, 1).get(0);

        assertThat(delivery.headers()).containsEntry("content-type", "application/json");
        assertThat(delivery.headers()).containsEntry("user-agent", "Intercom-Webhooks");
        assertThat(delivery.headers().get("x-hub-signature")).isEqualTo("sha1=" + hmacSha1(delivery.body()));
        assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).contains("✓");
    }

    @Test
    void aCustomerReplyIsAnnouncedWithOnlyTheNewPart() {
        String id = open(Map.of("body", "Hello", "email", "lin@example.com"));
        intercomApi().body(Map.of("message_type", "comment", "type", "admin", "admin_id", BOT_ADMIN_ID,
                "body", "Hi! How can I help?")).post("/conversations/{id}/reply", id).then().statusCode(200);
        intercomApi().body(Map.of("message_type", "note", "type", "admin", "admin_id", BOT_ADMIN_ID,
                "body", "Greeting only")).post("/conversations/{id}/reply", id).then().statusCode(200);

        String partId = given().contentType(ContentType.JSON).body(Map.of("body", "Where is my refund?"))
                .post("/sandbox/conversations/{id}/user-replies", id)
                .then().statusCode(200)
                .body("conversation_parts.total_count", equalTo(3))
                .extract().path("conversation_parts.conversation_parts[2].id");

        JsonNode parts = ReceivedWebhooks.awaitDeliveries(id, REPLIED, 1).get(0).json()
                .path("data").path("item").path("conversation_parts");
        assertThat(parts.path("total_count").asInt()).isEqualTo(1);
        assertThat(parts.path("conversation_parts")).hasSize(1);
        JsonNode part = parts.path("conversation_parts").get(0);
        assertThat(part.path("type").asText()).isEqualTo("conversation_part");
        assertThat(part.path("id").asText()).isEqualTo(partId);
        assertThat(part.path("part_type").asText()).isEqualTo("comment");
        assertThat(part.path("body").asText()).isEqualTo("Where is my refund?");
        assertThat(part.path("author").path("type").asText()).isEqualTo("user");
        assertThat(part.path("author").path("email").asText()).isEqualTo("lin@example.com");
    }

    @Test
    void eachTeammateActionIsAnnouncedUnderItsTopicWithOnlyItsPart() {
        String id = open(Map.of("body", "Hi there"));
        intercomApi().body(Map.of("message_type", "comment", "type", "admin", "admin_id", BOT_ADMIN_ID,
                "body", "Hello!")).post("/conversations/{id}/reply", id).then().statusCode(200);
        intercomApi().body(Map.of("message_type", "note", "type", "admin", "admin_id", BOT_ADMIN_ID,
                "body", "Greeting only")).post("/conversations/{id}/reply", id).then().statusCode(200);
        intercomApi().body(Map.of("message_type", "assignment", "type", "team", "admin_id", BOT_ADMIN_ID,
                "assignee_id", Workspace.BILLING_TEAM_ID)).post("/conversations/{id}/parts", id).then().statusCode(200);
        intercomApi().body(Map.of("message_type", "close", "type", "admin", "admin_id", BOT_ADMIN_ID))
                .post("/conversations/{id}/parts", id).then().statusCode(200);
        intercomApi().body(Map.of("message_type", "open", "admin_id", BOT_ADMIN_ID))
                .post("/conversations/{id}/parts", id).then().statusCode(200);
        intercomApi().body(Map.of("message_type", "snoozed", "admin_id", BOT_ADMIN_ID, "snoozed_until", 1893456000))
                .post("/conversations/{id}/parts", id).then().statusCode(200);

        assertOnlyPart(id, "conversation.admin.replied", "comment", "Hello!");
        assertOnlyPart(id, "conversation.admin.noted", "note", "Greeting only");
        JsonNode assigned = assertOnlyPart(id, "conversation.admin.assigned", "assignment", null);
        assertThat(assigned.path("team_assignee_id").asText()).isEqualTo(Workspace.BILLING_TEAM_ID);
        assertThat(assertOnlyPart(id, "conversation.admin.closed", "close", null).path("state").asText())
                .isEqualTo("closed");
        assertThat(assertOnlyPart(id, "conversation.admin.opened", "open", null).path("state").asText())
                .isEqualTo("open");
        assertThat(assertOnlyPart(id, "conversation.admin.snoozed", "snoozed", null).path("state").asText())
                .isEqualTo("snoozed");
    }

    /** @return the conversation as the webhook showed it */
    private static JsonNode assertOnlyPart(String conversationId, String topic, String partType, String body) {
        JsonNode item = ReceivedWebhooks.awaitDeliveries(conversationId, topic, 1).get(0).json().path("data")
                .path("item");
        JsonNode parts = item.path("conversation_parts").path("conversation_parts");
        assertThat(parts).as(topic).hasSize(1);
        assertThat(parts.get(0).path("part_type").asText()).as(topic).isEqualTo(partType);
        assertThat(parts.get(0).path("author").path("id").asText()).as(topic).isEqualTo(BOT_ADMIN_ID);
        if (body != null) {
            assertThat(parts.get(0).path("body").asText()).as(topic).isEqualTo(body);
        }
        return item;
    }

    @Test
    void aWebhookTheReceiverRefusesIsRetriedOnceWithTheSameNotificationId() {
        String id = open(Map.of("body", "Please retry " + WebhookReceiverResource.FAIL_ONCE));

        List<Delivery> deliveries = ReceivedWebhooks.awaitDeliveries(id, CREATED, 2);

        assertThat(deliveries).extracting(Delivery::attempt).containsExactly(1, 2);
        assertThat(deliveries.get(1).json().path("id").asText()).isEqualTo(deliveries.get(0).json().path("id").asText());
        assertThat(deliveries.get(1).headers().get("x-hub-signature")).isEqualTo("sha1=" + hmacSha1(deliveries.get(1).body()));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(deliveriesOf(id)).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.get("status_code")).isEqualTo(200);
                    assertThat(entry.get("delivered")).isEqualTo(true);
                    assertThat(attemptsOf(entry)).extracting(attempt -> attempt.get("status_code"))
                            .containsExactly(500, 200);
                }));
    }

    @Test
    void aWebhookRefusedTwiceIsGivenUpWithoutFailingTheCustomer() throws InterruptedException {
        String id = open(Map.of("body", "Never taken " + WebhookReceiverResource.FAIL_ALWAYS));

        ReceivedWebhooks.awaitDeliveries(id, CREATED, 2);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(deliveriesOf(id)).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.get("status_code")).isEqualTo(500);
                    assertThat(entry.get("delivered")).isEqualTo(false);
                    assertThat(attemptsOf(entry)).hasSize(2);
                }));
        // a third attempt would come after the retry delay (300 ms in tests)
        Thread.sleep(1000);
        assertThat(ReceivedWebhooks.about(id, CREATED)).hasSize(2);
    }

    @Test
    void sentWebhooksAreListedWithTopicNotificationIdAndStatus() {
        String id = open(Map.of("body", "List me"));
        String notificationId = ReceivedWebhooks.awaitDeliveries(id, CREATED, 1).get(0).json().path("id").asText();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(deliveriesOf(id)).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.get("notification_id")).isEqualTo(notificationId);
                    assertThat(entry.get("topic")).isEqualTo(CREATED);
                    assertThat(entry.get("status_code")).isEqualTo(200);
                    assertThat(entry.get("delivered")).isEqualTo(true);
                }));
    }

    private static String open(Map<String, String> message) {
        return given().contentType(ContentType.JSON).body(message)
                .post("/sandbox/conversations")
                .then().statusCode(201)
                .extract().path("id");
    }

    private static List<Map<String, Object>> deliveriesOf(String conversationId) {
        List<Map<String, Object>> all = given().get("/sandbox/webhooks").then().statusCode(200).extract().path("");
        return all.stream().filter(entry -> conversationId.equals(entry.get("conversation_id"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attemptsOf(Map<String, Object> delivery) {
        return (List<Map<String, Object>>) delivery.get("attempts");
    }

    private static String hmacSha1(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
