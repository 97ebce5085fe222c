package io.tandem.sandbox.rest;

import static io.restassured.RestAssured.given;
import static io.tandem.sandbox.SandboxTestClient.ACCESS_TOKEN;
import static io.tandem.sandbox.SandboxTestClient.BOT_ADMIN_ID;
import static io.tandem.sandbox.SandboxTestClient.intercomApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.atlassian.oai.validator.model.Request;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tandem.sandbox.ReceivedWebhooks;
import io.tandem.sandbox.ReceivedWebhooks.Delivery;
import io.tandem.sandbox.SubsetDescription;
import io.tandem.sandbox.WebhookReceiverResource;
import io.tandem.sandbox.service.Workspace;

@QuarkusTest
@WithTestResource(value = WebhookReceiverResource.class, scope = TestResourceScope.GLOBAL)
class WorkspaceResourceTest {

    @Test
    void meIdentifiesTheBotTeammateAndTheApp() {
        String answer = intercomApi().get("/me")
                .then().statusCode(200)
                .body("type", equalTo("admin"))
                .body("id", equalTo(BOT_ADMIN_ID))
                .body("name", equalTo("Tandem Bot"))
                .body("email", notNullValue())
                .body("app.type", equalTo("app"))
                .body("app.id_code", equalTo("local"))
                .extract().asString();
        SubsetDescription.assertAnswerConforms(Request.Method.GET, "/me", 200, answer);
    }

    @Test
    void adminsListsTheBotAndTwoHumanAdmins() {
        String answer = intercomApi().get("/admins")
                .then().statusCode(200)
                .body("type", equalTo("admin.list"))
                .body("admins", hasSize(3))
                .body("admins.type", everyItem(equalTo("admin")))
                .body("admins.id", hasItems(BOT_ADMIN_ID, "991268", "991269"))
                .extract().asString();
        SubsetDescription.assertAnswerConforms(Request.Method.GET, "/admins", 200, answer);
    }

    @Test
    void teamsListsSupportAndBilling() {
        String answer = intercomApi().get("/teams")
                .then().statusCode(200)
                .body("type", equalTo("team.list"))
                .body("teams.name", containsInAnyOrder("Support", "Billing"))
                .body("teams.type", everyItem(equalTo("team")))
                .extract().asString();
        SubsetDescription.assertAnswerConforms(Request.Method.GET, "/teams", 200, answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer wrong-token", "local-token", "Basic bG9jYWwtdG9rZW46"})
    void aRequestWithoutTheAccessTokenIsUnauthorized(String authorization) {
        var request = given().header("Intercom-Version", "2.14").accept(ContentType.JSON);
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        String answer = request.get("/me")
                .then().statusCode(401)
                .contentType(ContentType.JSON)
                .body("type", equalTo("error.list"))
                .body("request_id", matchesPattern("[0-9a-f-]{36}"))
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("unauthorized"))
                .body("errors[0].message", equalTo("Access Token Invalid"))
                .extract().asString();
        SubsetDescription.assertAnswerConforms(Request.Method.GET, "/me", 401, answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.14", "2.15", "2.16"})
    void everyKnownVersionIsAnswered(String version) {
        given().header("Authorization", "Bearer " + ACCESS_TOKEN).header("Intercom-Version", version)
                .get("/teams")
                .then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.13", "2.17", "Unstable", "latest"})
    void anUnknownVersionIsRejected(String version) {
        given().header("Authorization", "Bearer " + ACCESS_TOKEN).header("Intercom-Version", version)
                .get("/admins")
                .then().statusCode(400)
                .body("type", equalTo("error.list"))
                .body("errors[0].code", equalTo("intercom_version_invalid"))
                .body("errors[0].field", equalTo("Intercom-Version"));
    }

    @Test
    void aRequestWithoutVersionIsRejected() {
        given().header("Authorization", "Bearer " + ACCESS_TOKEN)
                .get("/me")
                .then().statusCode(400)
                .body("errors[0].code", equalTo("intercom_version_invalid"));
    }

    @Test
    void theTokenIsCheckedBeforeTheVersion() {
        given().header("Authorization", "Bearer wrong-token").header("Intercom-Version", "1.0")
                .get("/me")
                .then().statusCode(401)
                .body("errors[0].code", equalTo("unauthorized"));
    }

    @Test
    void anAdminSetAwayIsListedAwayAndAnnouncedUntilBack() {
        String topic = "admin.away_mode_updated";
        int before = ReceivedWebhooks.about(Workspace.BILLING_ADMIN_ID, topic).size();

        String answer = intercomApi().body(Map.of("away_mode_enabled", true, "away_mode_reassign", true))
                .put("/admins/{id}/away", Workspace.BILLING_ADMIN_ID)
                .then().statusCode(200)
                .body("id", equalTo(Workspace.BILLING_ADMIN_ID))
                .body("away_mode_enabled", equalTo(true))
                .body("away_mode_reassign", equalTo(true))
                .extract().asString();
        SubsetDescription.assertAnswerConforms(Request.Method.PUT, "/admins/" + Workspace.BILLING_ADMIN_ID + "/away",
                200, answer);
        intercomApi().get("/admins").then().statusCode(200)
                .body("admins.find { it.id == '" + Workspace.BILLING_ADMIN_ID + "' }.away_mode_enabled", equalTo(true))
                .body("admins.find { it.id == '" + Workspace.SUPPORT_ADMIN_ID + "' }.away_mode_enabled", equalTo(false));
        Delivery away = ReceivedWebhooks.awaitDeliveries(Workspace.BILLING_ADMIN_ID, topic, before + 1).get(before);
        assertThat(away.json().path("data").path("item").path("away_mode_enabled").asBoolean()).isTrue();

        intercomApi().body(Map.of("away_mode_enabled", false, "away_mode_reassign", false))
                .put("/admins/{id}/away", Workspace.BILLING_ADMIN_ID)
                .then().statusCode(200).body("away_mode_enabled", equalTo(false));
        intercomApi().get("/admins").then()
                .body("admins.find { it.id == '" + Workspace.BILLING_ADMIN_ID + "' }.away_mode_enabled", equalTo(false));
    }

    @Test
    void settingAnUnknownAdminAwayIsNotFoundAndAMissingFieldIsNamed() {
        intercomApi().body(Map.of("away_mode_enabled", true, "away_mode_reassign", false))
                .put("/admins/{id}/away", "12345")
                .then().statusCode(404)
                .body("errors[0].code", equalTo("not_found"));
        intercomApi().body(Map.of("away_mode_enabled", true))
                .put("/admins/{id}/away", Workspace.SUPPORT_ADMIN_ID)
                .then().statusCode(400)
                .body("errors[0].code", equalTo("parameter_not_found"))
                .body("errors[0].field", equalTo("away_mode_reassign"));
    }
}
