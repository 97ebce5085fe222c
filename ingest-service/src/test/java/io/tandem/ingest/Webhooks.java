package io.tandem.ingest;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/** Posts to the webhook endpoint the way Intercom does. */
public final class Webhooks {

    public static final String PATH = "/webhooks/intercom";

    private Webhooks() {
    }

    /** Signed with the test app's secret. */
    public static ValidatableResponse post(Payload payload) {
        return post(payload.bytes(), Signatures.intercom(payload.bytes(), Payload.TEST_SECRET));
    }

    public static ValidatableResponse post(Payload payload, String secret) {
        return post(payload.bytes(), Signatures.intercom(payload.bytes(), secret));
    }

    public static ValidatableResponse post(byte[] body, String signature) {
        var request = given().contentType("application/json").header("User-Agent", "Intercom-Webhooks/test");
        if (signature != null) {
            request.header("X-Hub-Signature", signature);
        }
        return request.body(body).when().post(PATH).then();
    }

    /** Streams the body without a Content-Length: chunked over HTTP/1.1, plain DATA frames over HTTP/2 (h2c). */
    public static HttpResponse<String> postStreamed(byte[] body, String signature, HttpClient.Version version)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + PATH))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HttpClient.newBuilder().version(version).build().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
