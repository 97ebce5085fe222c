package io.tandem.router.client;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.tandem.router.config.RouterConfig;

/** A workspace's skill in classifier-service, with router-service's own operator key (like {@link SkillCatalog}). */
@ApplicationScoped
public class ClassifierSkill {

    @Inject
    @RestClient
    ClassifierSkillApi api;

    @Inject
    RouterConfig config;

    /**
     * Uploads a Watson Assistant v1 workspace export; classifier-service trains it and makes it the active version.
     *
     * @throws ClassifierRefusedException     with every reason the skill cannot be trained
     * @throws DownstreamUnavailableException when classifier-service cannot tell
     */
    public SkillVersionInfo upload(String appId, byte[] workspace) {
        return call(() -> api.importSkill(appId, authorization(), workspace));
    }

    /** The version in use; empty when the workspace has no skill. */
    public Optional<SkillVersionInfo> active(String appId) {
        try {
            List<SkillVersionInfo> versions = call(() -> api.versions(appId, authorization()));
            return versions == null ? Optional.empty()
                    : versions.stream().filter(SkillVersionInfo::active).reduce((first, second) -> second);
        } catch (NoSkillException e) {
            return Optional.empty();
        }
    }

    /**
     * One message through the active skill, without touching any conversation ({@code POST .../message}).
     *
     * @param request {@code {"input": {"text": ...}, "context": ...}}
     * @throws NoSkillException when the workspace has no skill
     */
    public JsonNode tryMessage(String appId, JsonNode request) {
        return call(() -> api.message(appId, authorization(), request));
    }

    private String authorization() {
        return "Bearer " + config.classifierApiKey().filter(key -> !key.isBlank())
                .orElseThrow(() -> new DownstreamUnavailableException(
                        "router-service has no key for classifier-service (tandem.router.classifier-api-key)"));
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ProcessingException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DownstreamUnavailableException(
                    "classifier-service did not answer (" + cause.getClass().getSimpleName() + ")");
        }
    }
}
