package io.tandem.router.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.tandem.router.config.RouterConfig;

/**
 * A workspace's admins and teams from Intercom, with the workspace's access token. Validation reads them fresh;
 * deciding whether an agent is available reuses them for {@code tandem.router.teammates-cache-ttl}, so a message
 * does not wait for Intercom.
 */
@ApplicationScoped
public class IntercomTeammates {

    @Inject
    @RestClient
    IntercomApi api;

    @Inject
    RouterConfig config;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** @throws DownstreamUnavailableException when Intercom cannot tell or the workspace has no access token */
    public Teammates fetch(String appId) {
        String authorization = "Bearer " + accessToken(appId);
        try {
            Teammates teammates = new Teammates(api.admins(authorization, IntercomApi.API_VERSION).admins(),
                    api.teams(authorization, IntercomApi.API_VERSION).teams());
            cache.put(appId, new Cached(teammates, System.nanoTime()));
            return teammates;
        } catch (ProcessingException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DownstreamUnavailableException(
                    "Intercom did not answer (" + cause.getClass().getSimpleName() + ")");
        }
    }

    /** Like {@link #fetch}, reusing an answer younger than the configured time to live. */
    public Teammates recent(String appId) {
        Cached cached = cache.get(appId);
        Duration ttl = config.teammatesCacheTtl();
        if (cached != null && System.nanoTime() - cached.fetchedAt() < ttl.toNanos()) {
            return cached.teammates();
        }
        return fetch(appId);
    }

    private String accessToken(String appId) {
        RouterConfig.App app = config.apps().get(appId);
        return app == null ? missingToken(appId)
                : app.accessToken().filter(token -> !token.isBlank()).orElseGet(() -> missingToken(appId));
    }

    private static String missingToken(String appId) {
        throw new DownstreamUnavailableException("no Intercom access token is configured for workspace " + appId
                + " (tandem.router.apps." + appId + ".access-token)");
    }

    private record Cached(Teammates teammates, long fetchedAt) {
    }
}
