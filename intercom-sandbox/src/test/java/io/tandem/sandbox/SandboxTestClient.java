package io.tandem.sandbox;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Requests the way Tandem (the Intercom API client) and the customer (the sandbox endpoints) make them in tests.
 */
public final class SandboxTestClient {

    public static final String ACCESS_TOKEN = "local-token";
    public static final String WEBHOOK_SECRET = "local-webhook-secret";
    public static final String BOT_ADMIN_ID = "991267";

    private SandboxTestClient() {
    }

    /** An Intercom API request with the right token and version. */
    public static RequestSpecification intercomApi() {
        return given()
                .header("Authorization", "Bearer " + ACCESS_TOKEN)
                .header("Intercom-Version", "2.14")
                .accept(ContentType.JSON)
                .contentType(ContentType.JSON);
    }

    /** The customer opens a conversation; returns its id. */
    public static String openConversation(String body) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("body", body, "email", "ada@example.com", "name", "Ada Lovelace"))
                .post("/sandbox/conversations")
                .then().statusCode(201)
                .extract().path("id");
    }
}
