package io.tandem.sandbox.rest;

import static io.restassured.RestAssured.given;
import static io.tandem.sandbox.SandboxTestClient.BOT_ADMIN_ID;
import static io.tandem.sandbox.SandboxTestClient.intercomApi;
import static io.tandem.sandbox.SandboxTestClient.openConversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.tandem.sandbox.ReceivedWebhooks;
import io.tandem.sandbox.WebhookReceiverResource;

@QuarkusTest
@WithTestResource(value = WebhookReceiverResource.class, scope = TestResourceScope.GLOBAL)
class SandboxConversationsResourceTest {

    @Test
    void theCustomerOpensAConversationWithANumericId() {
        ExtractableResponse<Response> opened = given().contentType(ContentType.JSON)
                .body(Map.of("body", "My parcel never arrived", "email", "grace@example.com", "name", "Grace"))
                .post("/sandbox/conversations")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", matchesPattern("\\d+"))
                .body("type", equalTo("conversation"))
                .body("source.body", equalTo("My parcel never arrived"))
                .body("source.author.type", equalTo("user"))
                .body("source.author.name", equalTo("Grace"))
                .body("source.author.id", matchesPattern("[0-9a-f]{24}"))
                .extract();
        String id = opened.path("id");

        assertThat(opened.header("Location")).endsWith("/sandbox/conversations/" + id);
        given().get(opened.header("Location"))
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("conversation_parts.conversation_parts", hasSize(0));
    }

    @Test
    void anAnonymousCustomerIsALead() {
        given().contentType(ContentType.JSON)
                .body(Map.of("body", "Hi"))
                .post("/sandbox/conversations")
                .then().statusCode(201)
                .body("source.author.type", equalTo("lead"))
                .body("source.author.email", equalTo(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"body\": \"\"}", "{\"body\": \"   \"}", "{\"email\": \"a@example.com\"}"})
    void aMessageWithoutBodyIsAProblem(String message) {
        given().contentType(ContentType.JSON).body(message)
                .post("/sandbox/conversations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tandem:problem:invalid-request"))
                .body("status", equalTo(400))
                .body("field", equalTo("body"));
    }

    @Test
    void anEmailThatIsNoEmailAddressIsAProblem() {
        given().contentType(ContentType.JSON).body(Map.of("body", "Hi", "email", "not-an-address"))
                .post("/sandbox/conversations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("email"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"body\": ")
                .post("/sandbox/conversations")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theCustomerRepliesInTheConversation() {
        String id = openConversation("Is the shop open on Sunday?");

        given().contentType(ContentType.JSON).body(Map.of("body", "And on Monday?"))
                .post("/sandbox/conversations/{id}/user-replies", id)
                .then().statusCode(200)
                .body("conversation_parts.total_count", equalTo(1))
                .body("conversation_parts.conversation_parts[0].part_type", equalTo("comment"))
                .body("conversation_parts.conversation_parts[0].body", equalTo("And on Monday?"))
                .body("conversation_parts.conversation_parts[0].author.type", equalTo("user"))
                .body("conversation_parts.conversation_parts[0].author.email", equalTo("ada@example.com"));
    }

    @Test
    void aReplyWithoutBodyIsAProblem() {
        String id = openConversation("Hi");

        given().contentType(ContentType.JSON).body(Map.of("body", ""))
                .post("/sandbox/conversations/{id}/user-replies", id)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("body"));
    }

    @Test
    void anUnknownConversationIsAProblem() {
        given().get("/sandbox/conversations/{id}", "42")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().contentType(ContentType.JSON).body(Map.of("body", "Hello"))
                .post("/sandbox/conversations/{id}/user-replies", "42")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theCustomerClicksAQuickReplyButtonAndItIsTheirAnnouncedComment() {
        String id = openConversation("What can you do?");
        intercomApi().body(Map.of("message_type", "quick_reply", "type", "admin", "admin_id", BOT_ADMIN_ID,
                "body", "<p>1. Orders<br>2. Returns</p>",
                "reply_options", List.of(Map.of("text", "Orders", "uuid", "a5e1c524-5ddd-4c3e-9328-6bca5d6e3edb"),
                        Map.of("text", "Returns", "uuid", "f4a98af1-be56-4948-a57e-e1a83f8484c6"))))
                .post("/conversations/{id}/reply", id).then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("uuid", "a5e1c524-5ddd-4c3e-9328-6bca5d6e3edb"))
                .post("/sandbox/conversations/{id}/quick-reply-choices", id)
                .then().statusCode(200)
                .body("conversation_parts.conversation_parts[1].part_type", equalTo("comment"))
                .body("conversation_parts.conversation_parts[1].author.type", equalTo("user"))
                .body("conversation_parts.conversation_parts[1].body", equalTo("Orders"))
                .body("conversation_parts.conversation_parts[1].metadata.quick_reply_uuid",
                        equalTo("a5e1c524-5ddd-4c3e-9328-6bca5d6e3edb"));

        ReceivedWebhooks.Delivery replied = ReceivedWebhooks.awaitDeliveries(id, "conversation.user.replied", 1).get(0);
        assertThat(replied.json().path("data").path("item").path("conversation_parts").path("conversation_parts")
                .get(0).path("body").asText()).isEqualTo("Orders");
    }

    @Test
    void aButtonTheConversationNeverOfferedIsAProblemNamingTheUuid() {
        String id = openConversation("Hello");

        given().contentType(ContentType.JSON).body(Map.of("uuid", "f4a98af1-be56-4948-a57e-e1a83f8484c6"))
                .post("/sandbox/conversations/{id}/quick-reply-choices", id)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("uuid"));
        given().contentType(ContentType.JSON).body(Map.of())
                .post("/sandbox/conversations/{id}/quick-reply-choices", id)
                .then().statusCode(400)
                .body("field", equalTo("uuid"));
    }
}
