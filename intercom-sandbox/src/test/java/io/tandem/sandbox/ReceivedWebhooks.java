package io.tandem.sandbox;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What {@link WebhookReceiverResource} received, read over HTTP so it works whatever class loader runs the test.
 */
public final class ReceivedWebhooks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ReceivedWebhooks() {
    }

    /** One request the receiver got: lower-case header names, the body byte for byte. */
    public record Delivery(Map<String, String> headers, byte[] body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Webhook body is not JSON", e);
            }
        }

        public String topic() {
            return json().path("topic").asText();
        }

        public String conversationId() {
            return json().path("data").path("item").path("id").asText();
        }

        public int attempt() {
            return json().path("delivery_attempts").asInt();
        }
    }

    /** Every delivery about the conversation with this topic, in the order they arrived. */
    public static List<Delivery> about(String conversationId, String topic) {
        return all().stream()
                .filter(delivery -> delivery.conversationId().equals(conversationId) && delivery.topic().equals(topic))
                .toList();
    }

    /** Waits until {@code count} deliveries about the conversation with this topic arrived. */
    public static List<Delivery> awaitDeliveries(String conversationId, String topic, int count) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> about(conversationId, topic).size() >= count);
        return about(conversationId, topic);
    }

    private static List<Delivery> all() {
        String webhookUrl = ConfigProvider.getConfig().getValue("tandem.sandbox.webhook-url", String.class);
        URI received = URI.create(webhookUrl.replace(WebhookReceiverResource.WEBHOOK_PATH,
                WebhookReceiverResource.RECEIVED_PATH));
        try {
            HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(received).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            List<Map<String, Object>> raw = JSON.readValue(answer.body(), new TypeReference<>() {
            });
            List<Delivery> deliveries = new ArrayList<>();
            for (Map<String, Object> entry : raw) {
                @SuppressWarnings("unchecked")
                Map<String, String> headers = (Map<String, String>) entry.get("headers");
                deliveries.add(new Delivery(headers, Base64.getDecoder().decode((String) entry.get("body"))));
            }
            return deliveries;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read what the test receiver got", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
