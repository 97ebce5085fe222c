package io.tandem.sandbox.rest.inbox;

import static io.restassured.RestAssured.given;
import static io.tandem.sandbox.SandboxTestClient.openConversation;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tandem.sandbox.WebhookReceiverResource;
import io.tandem.sandbox.service.Workspace;

/**
 * The inbox's HTTP side: pieces of the page answer 204 while nothing changed, and a form the sandbox cannot carry
 * out comes back as the page with the offending field named.
 */
@QuarkusTest
@WithTestResource(value = WebhookReceiverResource.class, scope = TestResourceScope.GLOBAL)
class InboxResourceTest {

    @Test
    void theConversationPieceAnswersNoContentUntilAPartArrives() {
        String id = openConversation("Is anyone there?");
        String version = given().get("/inbox/conversations/{id}", id)
                .then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("data-conversation-id=\"" + id + "\""))
                .extract().htmlPath().getString("**.find { it.@id == 'conversation' }.@data-version");

        given().queryParam("version", version).get("/inbox/conversations/{id}", id).then().statusCode(204);
        given().contentType(ContentType.URLENC).formParam("message", "Still there?").redirects().follow(false)
                .post("/inbox/conversations/{id}/customer-replies", id)
                .then().statusCode(303);
        given().queryParam("version", version).get("/inbox/conversations/{id}", id)
                .then().statusCode(200).body(containsString("Still there?"));
    }

    @Test
    void aBlankMessageComesBackAsThePageNamingTheField() {
        String id = openConversation("Hello");

        given().contentType(ContentType.URLENC).formParam("message", "  ")
                .formParam("admin_id", Workspace.SUPPORT_ADMIN_ID)
                .post("/inbox/conversations/{id}/teammate-notes", id)
                .then().statusCode(400).contentType(ContentType.HTML)
                .body(allOf(containsString("role=\"alert\""), containsString("message is empty")));
    }

    @Test
    void anUnknownTeammateOrAssigneeIsNamed() {
        String id = openConversation("Hello");

        given().contentType(ContentType.URLENC).formParam("message", "Hi").formParam("admin_id", "42")
                .post("/inbox/conversations/{id}/teammate-replies", id)
                .then().statusCode(400).body(containsString("admin_id 42 is not an admin"));
        given().contentType(ContentType.URLENC).formParam("admin_id", Workspace.SUPPORT_ADMIN_ID)
                .formParam("assign_to", "everyone")
                .post("/inbox/conversations/{id}/assignments", id)
                .then().statusCode(400).body(containsString("assign_to must be"));
        given().contentType(ContentType.URLENC).formParam("admin_id", Workspace.SUPPORT_ADMIN_ID)
                .formParam("assign_to", "team:1")
                .post("/inbox/conversations/{id}/assignments", id)
                .then().statusCode(400).body(containsString("assignee_id 1 is no team"));
    }

    @Test
    void anUnknownConversationIsNotFound() {
        given().get("/?conversation=999").then().statusCode(404).body(containsString("No conversation 999"));
    }

    @Test
    void aCustomersMarkupIsShownAsText() {
        String id = openConversation("<script>alert('x')</script><b>bold</b>");

        given().get("/?conversation={id}", id).then().statusCode(200)
                .body(allOf(not(containsString("<script>alert")), containsString("&lt;script&gt;")))
                .header("Content-Type", containsString("text/html"));
        given().get("/inbox/inbox.js").then().statusCode(200).header("Content-Type", containsString("javascript"));
        given().get("/").then().statusCode(200).body(containsString("<html lang=\"en\">"));
    }
}
