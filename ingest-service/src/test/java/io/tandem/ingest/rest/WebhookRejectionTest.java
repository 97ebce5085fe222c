package io.tandem.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tandem.contracts.Topics;
import io.tandem.ingest.Metrics;
import io.tandem.ingest.Payload;
import io.tandem.ingest.Signatures;
import io.tandem.ingest.TopicProbe;
import io.tandem.ingest.Webhooks;
import io.tandem.testsupport.TandemInfraResource;

@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class WebhookRejectionTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void aWrongSignatureIsAnswered401AndNothingIsPublished() {
        Payload payload = Payload.userCreated();
        TopicProbe raw = TopicProbe.at(Topics.WEBHOOKS_RAW);
        TopicProbe events = TopicProbe.at(Topics.CONVERSATION_EVENTS);
        double before = Metrics.counter("tandem_ingest_webhooks_rejected_total", "reason", "bad-signature");

        assertProblem(Webhooks.post(payload, "not-the-secret"), 401, "X-Hub-Signature");

        assertThat(raw.recordsWithKey(payload.value("conversationId"))).isEmpty();
        assertThat(events.recordsWithKey(payload.value("conversationId"))).isEmpty();
        assertThat(Metrics.counter("tandem_ingest_webhooks_rejected_total", "reason", "bad-signature"))
                .isEqualTo(before + 1);
    }

    @Test
    void aSignatureOfOtherBytesIsAnswered401() {
        Payload payload = Payload.userCreated();
        byte[] tampered = payload.json().replace("Can you help?", "Can you help!").getBytes(StandardCharsets.UTF_8);

        assertProblem(Webhooks.post(tampered, Signatures.intercom(payload.bytes(), Payload.TEST_SECRET)), 401,
                "X-Hub-Signature");
    }

    @Test
    void aMissingSignatureIsAnswered401() {
        assertProblem(Webhooks.post(Payload.userCreated().bytes(), null), 401, "X-Hub-Signature");
    }

    @Test
    void anUnknownAppIsAnswered401AndNothingIsPublished() {
        Payload payload = Payload.userCreated().with("appId", "strangerapp");
        TopicProbe raw = TopicProbe.at(Topics.WEBHOOKS_RAW);

        assertProblem(Webhooks.post(payload), 401, "app_id");

        assertThat(raw.recordsWithKey(payload.value("conversationId"))).isEmpty();
    }

    @Test
    void aSignatureMadeWithAnotherAppsSecretIsAnswered401() {
        assertProblem(Webhooks.post(Payload.userCreated().with("appId", Payload.OTHER_APP), Payload.TEST_SECRET), 401,
                "X-Hub-Signature");
    }

    @Test
    void malformedJsonIsAnswered400NamingTheFieldWhereItBreaks() {
        String json = Payload.userCreated().json();
        byte[] truncated = json.substring(0, json.indexOf("customer_initiated") + 4).getBytes(StandardCharsets.UTF_8);

        assertProblem(Webhooks.post(truncated, Signatures.intercom(truncated, Payload.TEST_SECRET)), 400,
                "data.item.source.delivered_as");
    }

    @Test
    void aNotificationWithoutDataItemIsAnswered400() {
        Payload payload = Payload.userCreated();
        Payload withoutItem = new Payload(payload.template().replace("\"item\": {", "\"items\": {"), payload.values());

        assertProblem(Webhooks.post(withoutItem), 400, "data.item");
    }

    @Test
    void aMalformedNotificationIsCountedAsRejected() {
        double before = Metrics.counter("tandem_ingest_webhooks_rejected_total", "reason", "malformed");
        byte[] body = "{\"app_id\": ".getBytes(StandardCharsets.UTF_8);

        Webhooks.post(body, Signatures.intercom(body, Payload.TEST_SECRET)).statusCode(400);

        assertThat(Metrics.counter("tandem_ingest_webhooks_rejected_total", "reason", "malformed"))
                .isEqualTo(before + 1);
    }

    @Test
    void aBodyOverOneMebibyteIsAnswered413WithAProblem() {
        byte[] body = blanks(1_048_577);
        double before = Metrics.counter("tandem_ingest_webhooks_rejected_total", "reason", "too-large");

        given().contentType("application/json").header("X-Hub-Signature", "sha1=00").body(body)
                .when().post(Webhooks.PATH)
                .then().statusCode(413)
                .contentType(startsWith(PROBLEM_JSON))
                .body("status", equalTo(413))
                .body("type", equalTo("urn:tandem:problem:too-large"))
                .body("detail", containsString("1048576"));

        // at least: the client may resend a body the server cut off by closing the connection
        assertThat(Metrics.counter("tandem_ingest_webhooks_rejected_total", "reason", "too-large"))
                .isGreaterThanOrEqualTo(before + 1);
    }

    @Test
    void aChunkedBodyOverOneMebibyteIsAnswered413WithAProblem() throws Exception {
        HttpResponse<String> response = Webhooks.postStreamed(blanks(2 * 1_048_576), "sha1=00",
                HttpClient.Version.HTTP_1_1);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        assertThat(response.body()).contains("\"status\":413", "urn:tandem:problem:too-large");
    }

    @Test
    void aStreamedHttp2BodyOverOneMebibyteIsAnswered413() throws Exception {
        // Quarkus' own limit answers this one, without a body (see BodySizeLimit)
        HttpResponse<String> response = Webhooks.postStreamed(blanks(2 * 1_048_576), "sha1=00",
                HttpClient.Version.HTTP_2);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void aBodyThatIsNotJsonByContentTypeIsAnswered415() {
        Payload payload = Payload.userCreated();

        given().contentType("text/plain").header("X-Hub-Signature", Signatures.intercom(payload.bytes(),
                Payload.TEST_SECRET)).body(payload.bytes())
                .when().post(Webhooks.PATH)
                .then().statusCode(415)
                .contentType(startsWith(PROBLEM_JSON))
                .body("status", equalTo(415))
                .body("field", equalTo("Content-Type"));
    }

    @Test
    void unknownPathsAreAnsweredWithAProblemWithoutInternals() {
        given().when().get("/webhooks/nowhere")
                .then().statusCode(404)
                .contentType(startsWith(PROBLEM_JSON))
                .body("status", equalTo(404))
                .body(not(containsString("Exception")));
    }

    private static void assertProblem(ValidatableResponse response, int status, String field) {
        response.statusCode(status)
                .contentType(startsWith(PROBLEM_JSON))
                .body("status", equalTo(status))
                .body("title", not(equalTo(null)))
                .body("type", startsWith("urn:tandem:problem:"))
                .body("field", equalTo(field))
                .body(not(containsString("secret")));
    }

    private static byte[] blanks(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        return body;
    }
}
