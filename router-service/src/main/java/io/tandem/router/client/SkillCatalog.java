package io.tandem.router.client;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.tandem.router.config.RouterConfig;

/** The root nodes of a workspace's skill, from classifier-service with router-service's own operator key. */
@ApplicationScoped
public class SkillCatalog {

    @Inject
    @RestClient
    ClassifierApi api;

    @Inject
    RouterConfig config;

    /**
     * @throws NoSkillException                when the workspace has no skill
     * @throws DownstreamUnavailableException  when classifier-service cannot tell
     */
    public List<SkillNode> rootNodes(String appId) {
        String key = config.classifierApiKey()
                .orElseThrow(() -> new DownstreamUnavailableException(
                        "router-service has no key for classifier-service (tandem.router.classifier-api-key)"));
        try {
            List<SkillNode> nodes = api.rootNodes(appId, "Bearer " + key);
            return nodes == null ? List.of() : nodes;
        } catch (ProcessingException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DownstreamUnavailableException(
                    "classifier-service did not answer (" + cause.getClass().getSimpleName() + ")");
        }
    }
}
