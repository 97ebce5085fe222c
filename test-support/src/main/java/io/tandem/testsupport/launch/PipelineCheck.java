package io.tandem.testsupport.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.testsupport.InfrastructureException;

/**
 * Plays a customer once through the sandbox and waits for Tandem's answer: proof that the whole pipeline works,
 * and it takes the first-message costs (class loading, first queries, first connections) before a person's
 * message does.
 */
final class PipelineCheck {

    /** A greeting the demo skill answers at the 0.75 threshold (pinned by classifier-service's DemoSkillTest). */
    static final String MESSAGE = "Hello!";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private PipelineCheck() {
    }

    /** @return how long the answer took */
    static Duration run(String sandboxUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ObjectMapper json = new ObjectMapper();
        long begin = System.nanoTime();
        try {
            HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(sandboxUrl
                    + "/sandbox/conversations")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().put("body", MESSAGE).toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (opened.statusCode() != 201) {
                throw new InfrastructureException("the sandbox did not open a conversation: HTTP "
                        + opened.statusCode() + " " + opened.body());
            }
            String id = json.readTree(opened.body()).path("id").asText();
            HttpRequest conversation = HttpRequest.newBuilder(URI.create(sandboxUrl + "/sandbox/conversations/" + id))
                    .build();
            while (System.nanoTime() - begin < TIMEOUT.toNanos()) {
                JsonNode parts = json.readTree(http.send(conversation, HttpResponse.BodyHandlers.ofString()).body())
                        .path("conversation_parts").path("conversation_parts");
                for (JsonNode part : parts) {
                    if (!"user".equals(part.path("author").path("type").asText())) {
                        return Duration.ofNanos(System.nanoTime() - begin);
                    }
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new InfrastructureException("the startup check could not reach the sandbox: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted during the startup check", e);
        }
        throw new InfrastructureException("Tandem did not answer the startup check's message within "
                + TIMEOUT.toSeconds() + " s; see the services' logs in .tandem/logs");
    }
}
