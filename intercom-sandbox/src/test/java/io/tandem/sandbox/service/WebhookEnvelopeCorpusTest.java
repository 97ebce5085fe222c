package io.tandem.sandbox.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tandem.sandbox.ReceivedWebhooks;
import io.tandem.sandbox.SharedCorpus;
import io.tandem.sandbox.WebhookReceiverResource;

/**
 * The sandbox's webhooks look like the real deliveries captured from Intercom (shared/intercom/webhooks).
 */
@Tag("shared-corpus")
@QuarkusTest
@WithTestResource(value = WebhookReceiverResource.class, scope = TestResourceScope.GLOBAL)
class WebhookEnvelopeCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The real delivery in the current (2.x) conversation shape; the user.* captures are the legacy 1.x shape. */
    private static final String CURRENT_SHAPE = "conversation.operator.replied.json";

    private static List<JsonNode> sent;

    /** A conversation.user.created and a conversation.user.replied webhook, as the receiver got them. */
    private static synchronized List<JsonNode> sentWebhooks() {
        if (sent == null) {
            String id = given().contentType(ContentType.JSON)
                    .body(Map.of("body", "Corpus check", "email", "corpus@example.com", "name", "Corpus"))
                    .post("/sandbox/conversations").then().statusCode(201).extract().path("id");
            given().contentType(ContentType.JSON).body(Map.of("body", "Corpus reply"))
                    .post("/sandbox/conversations/{id}/user-replies", id).then().statusCode(200);
            sent = List.of(ReceivedWebhooks.awaitDeliveries(id, "conversation.user.created", 1).get(0).json(),
                    ReceivedWebhooks.awaitDeliveries(id, "conversation.user.replied", 1).get(0).json());
        }
        return sent;
    }

    static Stream<Path> realDeliveries() throws IOException {
        try (Stream<Path> files = Files.list(SharedCorpus.path("intercom/webhooks"))) {
            List<Path> deliveries = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            assertThat(deliveries).isNotEmpty();
            return deliveries.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("realDeliveries")
    void theEnvelopeHasTheKeysOfARealDelivery(Path realDelivery) throws IOException {
        JsonNode real = JSON.readTree(realDelivery.toFile());

        for (JsonNode sent : sentWebhooks()) {
            assertThat(keys(sent)).as("envelope keys vs %s", realDelivery.getFileName()).isEqualTo(keys(real));
            assertThat(keys(sent.path("data"))).isEqualTo(keys(real.path("data")));
            real.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull()) {
                    assertThat(sent.path(field.getKey()).getNodeType()).as("type of %s", field.getKey())
                            .isEqualTo(field.getValue().getNodeType());
                }
            });
        }
    }

    @Test
    void everyConversationKeySentAppearsInTheCurrentShapeDelivery() throws IOException {
        JsonNode real = JSON.readTree(SharedCorpus.path("intercom/webhooks/" + CURRENT_SHAPE).toFile())
                .path("data").path("item");
        List<String> unknown = new ArrayList<>();

        for (JsonNode sent : sentWebhooks()) {
            JsonNode item = sent.path("data").path("item");
            unknownKeys(item, real, "item", unknown);
            unknownKeys(item.path("source"), real.path("source"), "source", unknown);
            unknownKeys(item.path("source").path("author"), real.path("source").path("author"), "source.author",
                    unknown);
            unknownKeys(item.path("contacts"), real.path("contacts"), "contacts", unknown);
            unknownKeys(item.path("conversation_parts"), real.path("conversation_parts"), "conversation_parts",
                    unknown);
        }
        JsonNode sentPart = sentWebhooks().get(1).path("data").path("item").path("conversation_parts").path("conversation_parts")
                .get(0);
        JsonNode realPart = real.path("conversation_parts").path("conversation_parts").get(0);
        unknownKeys(sentPart, realPart, "part", unknown);
        unknownKeys(sentPart.path("author"), realPart.path("author"), "part.author", unknown);

        assertThat(unknown).isEmpty();
    }

    private static void unknownKeys(JsonNode sent, JsonNode real, String at, List<String> unknown) {
        Set<String> realKeys = keys(real);
        keys(sent).stream().filter(key -> !realKeys.contains(key)).forEach(key -> unknown.add(at + "." + key));
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
