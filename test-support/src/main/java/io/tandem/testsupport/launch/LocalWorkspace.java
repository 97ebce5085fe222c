package io.tandem.testsupport.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tandem.testsupport.InfrastructureException;

/**
 * Sets up the local workspace as a support team would on its integration page: Tandem acts as the sandbox's bot
 * teammate, the demo skill is ready, and the assistant monitors the Unassigned inbox. Done through router-service's
 * admin API, as the page and scripts do.
 */
public final class LocalWorkspace {

    /**
     * The threshold of a local run: the demo skill's TF-IDF confidences are not calibrated yet (issue 5), so the
     * workspace default of 0.75 would leave clear questions unanswered.
     */
    public static final double LOCAL_THRESHOLD = 0.75;

    private LocalWorkspace() {
    }

    /**
     * @param threshold the confidence from which the assistant answers on its own
     */
    public static void configure(String routerUrl, LocalSettings settings, double threshold) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode integration = json.createObjectNode()
                .put("assistantAdminId", settings.botAdminId())
                .put("dialogReady", true)
                .put("monitoring", true)
                .put("threshold", threshold);
        integration.putNull("monitoredInbox");
        HttpRequest request = HttpRequest.newBuilder(URI.create(routerUrl + "/api/workspaces/" + settings.appId()
                + "/integration"))
                .header("Authorization", "Bearer " + settings.adminApiKey())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .PUT(HttpRequest.BodyPublishers.ofString(integration.toString()))
                .build();
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                throw new InfrastructureException("router-service refused the local workspace's integration settings: "
                        + "HTTP " + answer.statusCode() + " " + answer.body());
            }
        } catch (IOException e) {
            throw new InfrastructureException("could not reach router-service to set up the local workspace: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while setting up the local workspace", e);
        }
    }
}
