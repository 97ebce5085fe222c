package io.tandem.router.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.tandem.router.config.RouterConfig;

/** Whether router-service reaches a workspace's Intercom, and as which teammate: what the integration page shows. */
@ApplicationScoped
public class IntercomConnection {

    @Inject
    @RestClient
    IntercomIdentityApi api;

    @Inject
    RouterConfig config;

    /**
     * @param adminId       the admin the access token acts as (Intercom's {@code /me}); null when not connected
     * @param workspaceName the Intercom workspace's name, when Intercom gives it
     * @param reason        why it is not connected; null when connected
     */
    public record State(boolean connected, String adminId, String name, String email, String workspaceId,
            String workspaceName, String reason) {

        static State notConnected(String reason) {
            return new State(false, null, null, null, null, null, reason);
        }
    }

    /** Asks Intercom's {@code /me} with the workspace's access token; never throws for an unreachable Intercom. */
    public State check(String appId) {
        RouterConfig.App app = config.apps().get(appId);
        String token = app == null ? null : app.accessToken().filter(value -> !value.isBlank()).orElse(null);
        if (token == null) {
            return State.notConnected("no Intercom access token is configured for workspace " + appId
                    + " (tandem.router.apps." + appId + ".access-token)");
        }
        try {
            IntercomMe me = api.me("Bearer " + token, IntercomApi.API_VERSION);
            if (me == null || me.id() == null) {
                return State.notConnected("Intercom's /me named no admin");
            }
            return new State(true, me.id(), me.name(), me.email(), me.app() == null ? null : me.app().idCode(),
                    me.app() == null ? null : me.app().name(), null);
        } catch (DownstreamUnavailableException e) {
            return State.notConnected(e.getMessage());
        } catch (ProcessingException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return State.notConnected("Intercom did not answer (" + cause.getClass().getSimpleName() + ")");
        }
    }
}
