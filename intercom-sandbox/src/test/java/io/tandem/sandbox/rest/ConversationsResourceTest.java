package io.tandem.sandbox.rest;

import static io.restassured.RestAssured.given;
import static io.tandem.sandbox.SandboxTestClient.BOT_ADMIN_ID;
import static io.tandem.sandbox.SandboxTestClient.intercomApi;
import static io.tandem.sandbox.SandboxTestClient.openConversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.model.Request;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.tandem.sandbox.SubsetDescription;
import io.tandem.sandbox.WebhookReceiverResource;
import io.tandem.sandbox.service.Workspace;

@QuarkusTest
@WithTestResource(value = WebhookReceiverResource.class, scope = TestResourceScope.GLOBAL)
class ConversationsResourceTest {

    @Test
    void retrievingAConversationShowsTheCustomersMessageAsSource() {
        String id = openConversation("Where is my order?");

        String answer = intercomApi().get("/conversations/{id}", id)
                .then().statusCode(200)
                .body("type", equalTo("conversation"))
                .body("id", equalTo(id))
                .body("open", equalTo(true))
                .body("state", equalTo("open"))
                .body("admin_assignee_id", nullValue())
                .body("team_assignee_id", nullValue())
                .body("source.type", equalTo("conversation"))
                .body("source.delivered_as", equalTo("customer_initiated"))
                .body("source.body", equalTo("Where is my order?"))
                .body("source.author.type", equalTo("user"))
                .body("source.author.email", equalTo("ada@example.com"))
                .body("contacts.type", equalTo("contact.list"))
                .body("contacts.contacts[0].id", equalTo(JsonPath.from(sandboxView(id)).getString("source.author.id")))
                .body("conversation_parts.type", equalTo("conversation_part.list"))
                .body("conversation_parts.conversation_parts", hasSize(0))
                .body("conversation_parts.total_count", equalTo(0))
                .extract().asString();
        SubsetDescription.assertAnswerConforms(Request.Method.GET, "/conversations/" + id, 200, answer);
    }

    @Test
    void anAdminCommentBecomesAPartAndStopsTheWait() {
        String id = openConversation("Do you ship to Norway?");

        String answer = reply(id, Map.of("message_type", "comment", "type", "admin", "admin_id", BOT_ADMIN_ID,
                "body", "Yes, we do."))
                .statusCode(200)
                .body("type", equalTo("conversation"))
                .body("waiting_since", nullValue())
                .body("conversation_parts.total_count", equalTo(1))
                .body("conversation_parts.conversation_parts[0].type", equalTo("conversation_part"))
                .body("conversation_parts.conversation_parts[0].part_type", equalTo("comment"))
                .body("conversation_parts.conversation_parts[0].body", equalTo("Yes, we do."))
                .body("conversation_parts.conversation_parts[0].author.type", equalTo("admin"))
                .body("conversation_parts.conversation_parts[0].author.id", equalTo(BOT_ADMIN_ID))
                .body("conversation_parts.conversation_parts[0].author.name", equalTo("Tandem Bot"))
                .extract().asString();
        SubsetDescription.assertAnswerConforms(Request.Method.POST, "/conversations/" + id + "/reply", 200, answer);
    }

    @Test
    void anAdminQuickReplyWithButtonsAndAttachmentsBecomesAQuickReplyPart() {
        String id = openConversation("What can you do?");

        String answer = reply(id, Map.of("message_type", "quick_reply", "type", "admin", "admin_id", BOT_ADMIN_ID,
                "body", "<p>1. Orders<br>2. Returns</p>",
                "reply_options", List.of(
                        Map.of("text", "Orders", "uuid", "a5e1c524-5ddd-4c3e-9328-6bca5d6e3edb"),
                        Map.of("text", "Returns", "uuid", "f4a98af1-be56-4948-a57e-e1a83f8484c6")),
                "attachment_urls", List.of("https://cdn.example.com/menu.png")))
                .statusCode(200)
                .body("waiting_since", nullValue())
                .body("conversation_parts.conversation_parts[0].part_type", equalTo("quick_reply"))
                .body("conversation_parts.conversation_parts[0].body", equalTo("<p>1. Orders<br>2. Returns</p>"))
                .body("conversation_parts.conversation_parts[0].author.id", equalTo(BOT_ADMIN_ID))
                .body("conversation_parts.conversation_parts[0].metadata.quick_reply_options.text",
                        equalTo(List.of("Orders", "Returns")))
                .body("conversation_parts.conversation_parts[0].metadata.quick_reply_options[1].uuid",
                        equalTo("f4a98af1-be56-4948-a57e-e1a83f8484c6"))
                .body("conversation_parts.conversation_parts[0].attachments[0].type", equalTo("upload"))
                .body("conversation_parts.conversation_parts[0].attachments[0].url",
                        equalTo("https://cdn.example.com/menu.png"))
                .body("conversation_parts.conversation_parts[0].attachments[0].name", equalTo("menu.png"))
                .body("conversation_parts.conversation_parts[0].attachments[0].content_type", equalTo("image/png"))
                .extract().asString();
        SubsetDescription.assertAnswerConforms(Request.Method.POST, "/conversations/" + id + "/reply", 200, answer);
        reply(id, Map.of("message_type", "quick_reply", "type", "admin", "admin_id", BOT_ADMIN_ID, "body", "x",
                "reply_options", List.of(Map.of("text", "No uuid"))))
                .statusCode(400)
                .body("errors[0].code", equalTo("parameter_not_found"));
    }

    @Test
    void replyNoteAndAssignmentAllAppearInBothViewsOfTheConversation() {
        String id = openConversation("I was charged twice");

        reply(id, Map.of("message_type", "comment", "type", "admin", "admin_id", BOT_ADMIN_ID,
                "body", "Sorry about that, let me check.")).statusCode(200);
        reply(id, Map.of("message_type", "note", "type", "admin", "admin_id", BOT_ADMIN_ID,
                "body", "Intent: billing.double_charge (0.93)")).statusCode(200);
        String assigned = manage(id, Map.of("message_type", "assignment", "type", "team", "admin_id", BOT_ADMIN_ID,
                "assignee_id", Workspace.BILLING_TEAM_ID))
                .statusCode(200)
                .body("team_assignee_id", equalTo(Integer.valueOf(Workspace.BILLING_TEAM_ID)))
                .body("admin_assignee_id", nullValue())
                .extract().asString();
        SubsetDescription.assertAnswerConforms(Request.Method.POST, "/conversations/" + id + "/parts", 200, assigned);

        String viaApi = intercomApi().get("/conversations/{id}", id).then().statusCode(200).extract().asString();
        String viaSandbox = sandboxView(id);
        assertThat(JsonPath.from(viaSandbox).getMap("")).isEqualTo(JsonPath.from(viaApi).getMap(""));
        JsonPath conversation = JsonPath.from(viaSandbox);
        assertThat(conversation.getList("conversation_parts.conversation_parts.part_type"))
                .containsExactly("comment", "note", "assignment");
        assertThat(conversation.getList("conversation_parts.conversation_parts.body"))
                .containsExactly("Sorry about that, let me check.", "Intent: billing.double_charge (0.93)", null);
        assertThat(conversation.getMap("conversation_parts.conversation_parts[2].assigned_to"))
                .isEqualTo(Map.of("type", "team", "id", Workspace.BILLING_TEAM_ID));
        assertThat(conversation.getInt("conversation_parts.total_count")).isEqualTo(3);
    }

    @Test
    void anAssignmentToAnAdminSetsTheAdminAssigneeAndZeroUnassigns() {
        String id = openConversation("Can I talk to a person?");

        manage(id, Map.of("message_type", "assignment", "type", "admin", "admin_id", BOT_ADMIN_ID,
                "assignee_id", Workspace.SUPPORT_ADMIN_ID, "body", "Passing you to Sam."))
                .statusCode(200)
                .body("admin_assignee_id", equalTo(Integer.valueOf(Workspace.SUPPORT_ADMIN_ID)))
                .body("conversation_parts.conversation_parts[0].assigned_to.type", equalTo("admin"))
                .body("conversation_parts.conversation_parts[0].body", equalTo("Passing you to Sam."));
        manage(id, Map.of("message_type", "assignment", "type", "admin", "admin_id", BOT_ADMIN_ID,
                "assignee_id", "0"))
                .statusCode(200)
                .body("admin_assignee_id", nullValue())
                .body("conversation_parts.conversation_parts[1].assigned_to", nullValue());
    }

    @Test
    void anAssignmentOfTypeAdminTakesATeamIdLikeIntercom() {
        String id = openConversation("Invoice question");

        manage(id, Map.of("message_type", "assignment", "type", "admin", "admin_id", BOT_ADMIN_ID,
                "assignee_id", Workspace.SUPPORT_TEAM_ID))
                .statusCode(200)
                .body("team_assignee_id", equalTo(Integer.valueOf(Workspace.SUPPORT_TEAM_ID)))
                .body("conversation_parts.conversation_parts[0].assigned_to.type", equalTo("team"));
    }

    @Test
    void closeSnoozeAndOpenChangeTheState() {
        String id = openConversation("Thanks, all good");

        manage(id, Map.of("message_type", "close", "type", "admin", "admin_id", BOT_ADMIN_ID, "body", "Bye!"))
                .statusCode(200).body("state", equalTo("closed")).body("open", equalTo(false));
        manage(id, Map.of("message_type", "open", "admin_id", BOT_ADMIN_ID))
                .statusCode(200).body("state", equalTo("open")).body("open", equalTo(true));
        manage(id, Map.of("message_type", "snoozed", "admin_id", BOT_ADMIN_ID, "snoozed_until", 1893456000))
                .statusCode(200).body("state", equalTo("snoozed")).body("snoozed_until", equalTo(1893456000))
                .body("conversation_parts.conversation_parts.part_type", equalTo(List.of("close", "open", "snoozed")));
    }

    @Test
    void aReplyOnBehalfOfTheContactIsAUserComment() {
        String id = openConversation("Hello?");

        reply(id, Map.of("message_type", "comment", "type", "user", "email", "ada@example.com",
                "body", "Anyone there?"))
                .statusCode(200)
                .body("conversation_parts.conversation_parts[0].part_type", equalTo("comment"))
                .body("conversation_parts.conversation_parts[0].author.type", equalTo("user"))
                .body("conversation_parts.conversation_parts[0].body", equalTo("Anyone there?"));
    }

    @Test
    void aReplyWithoutMessageTypeIsRejectedNamingTheField() {
        String id = openConversation("Question");

        String answer = reply(id, Map.of("type", "admin", "admin_id", BOT_ADMIN_ID, "body", "Hi"))
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("type", equalTo("error.list"))
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("parameter_not_found"))
                .body("errors[0].field", equalTo("message_type"))
                .body("errors[0].message", containsString("message_type"))
                .extract().asString();
        SubsetDescription.assertAnswerConforms(Request.Method.POST, "/conversations/" + id + "/reply", 400, answer);
    }

    @Test
    void anAssignmentWithoutAssigneeIsRejectedNamingTheField() {
        String id = openConversation("Question");

        manage(id, Map.of("message_type", "assignment", "type", "admin", "admin_id", BOT_ADMIN_ID))
                .statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("parameter_not_found"))
                .body("errors[0].field", equalTo("assignee_id"));
    }

    @Test
    void anUnknownMessageTypeIsRejectedListingTheKnownOnes() {
        String id = openConversation("Question");

        manage(id, Map.of("message_type", "assign", "type", "admin", "admin_id", BOT_ADMIN_ID, "assignee_id", "0"))
                .statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("parameter_invalid"))
                .body("errors[0].field", equalTo("message_type"))
                .body("errors[0].message", equalTo(
                        "message_type must be one of close, snoozed, open, assignment (got \"assign\")"));
        reply(id, Map.of("message_type", "chat", "type", "admin", "admin_id", BOT_ADMIN_ID))
                .statusCode(400)
                .body("errors[0].code", equalTo("parameter_invalid"))
                .body("errors[0].message", equalTo(
                        "message_type must be one of comment, note, quick_reply (got \"chat\")"));
    }

    @Test
    void aFieldOfTheWrongTypeIsRejected() {
        String id = openConversation("Question");

        reply(id, Map.of("message_type", "comment", "type", "admin", "admin_id", 991267, "body", "Hi"))
                .statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("parameter_invalid"))
                .body("errors[0].field", equalTo("admin_id"))
                .body("errors[0].message", equalTo("admin_id must be of type string, not integer"));
    }

    @Test
    void aContactReplyMustNameTheContact() {
        String id = openConversation("Question");

        reply(id, Map.of("message_type", "comment", "type", "user", "body", "Me again"))
                .statusCode(400)
                .body("errors[0].code", equalTo("parameter_not_found"))
                .body("errors[0].message", equalTo("intercom_user_id, email or user_id is required"));
        reply(id, Map.of("message_type", "comment", "type", "user", "email", "someone.else@example.com",
                "body", "Me again"))
                .statusCode(400)
                .body("errors[0].code", equalTo("parameter_invalid"))
                .body("errors[0].field", equalTo("email"));
    }

    @Test
    void aCommentNeedsABodyAndAKnownAdmin() {
        String id = openConversation("Question");

        reply(id, Map.of("message_type", "comment", "type", "admin", "admin_id", BOT_ADMIN_ID))
                .statusCode(400)
                .body("errors[0].code", equalTo("parameter_not_found"))
                .body("errors[0].field", equalTo("body"));
        reply(id, Map.of("message_type", "note", "type", "admin", "admin_id", "42", "body", "Hi"))
                .statusCode(400)
                .body("errors[0].code", equalTo("parameter_invalid"))
                .body("errors[0].field", equalTo("admin_id"));
        manage(id, Map.of("message_type", "assignment", "type", "team", "admin_id", BOT_ADMIN_ID,
                "assignee_id", Workspace.SUPPORT_ADMIN_ID))
                .statusCode(400)
                .body("errors[0].field", equalTo("assignee_id"));
    }

    @Test
    void aBodyThatIsNotJsonOrMissingIsRejected() {
        String id = openConversation("Question");

        intercomApi().body("{not json").post("/conversations/{id}/reply", id)
                .then().statusCode(400)
                .body("errors[0].code", equalTo("parameter_invalid"));
        intercomApi().post("/conversations/{id}/parts", id)
                .then().statusCode(400)
                .body("errors[0].code", equalTo("parameter_not_found"));
    }

    @Test
    void anUnknownConversationIsNotFound() {
        String answer = intercomApi().get("/conversations/{id}", "123456789")
                .then().statusCode(404)
                .body("type", equalTo("error.list"))
                .body("errors[0].code", equalTo("not_found"))
                .extract().asString();
        SubsetDescription.assertAnswerConforms(Request.Method.GET, "/conversations/123456789", 404, answer);
        reply("123456789", Map.of("message_type", "comment", "type", "admin", "admin_id", BOT_ADMIN_ID, "body", "Hi"))
                .statusCode(404)
                .body("errors[0].code", equalTo("not_found"));
    }

    @Test
    void aConversationIdThatIsNotANumberIsInvalid() {
        intercomApi().get("/conversations/{id}", "abc")
                .then().statusCode(400)
                .body("errors[0].code", equalTo("parameter_invalid"))
                .body("errors[0].field", equalTo("conversation_id"));
    }

    @Test
    void conversationOperationsNeedTheAccessToken() {
        String id = openConversation("Question");

        given().header("Intercom-Version", "2.14").contentType(ContentType.JSON)
                .body(Map.of("message_type", "comment", "type", "admin", "admin_id", BOT_ADMIN_ID, "body", "Hi"))
                .post("/conversations/{id}/reply", id)
                .then().statusCode(401)
                .body("errors[0].code", equalTo("unauthorized"));
        given().get("/conversations/{id}", id)
                .then().statusCode(401);
    }

    private static ValidatableResponse reply(String id, Map<String, ?> body) {
        return intercomApi().body(body).post("/conversations/{id}/reply", id).then();
    }

    private static ValidatableResponse manage(String id, Map<String, ?> body) {
        return intercomApi().body(body).post("/conversations/{id}/parts", id).then();
    }

    private static String sandboxView(String id) {
        return given().get("/sandbox/conversations/{id}", id).then().statusCode(200).extract().asString();
    }
}
