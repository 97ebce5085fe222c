package io.tandem.router.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.tandem.router.WorkspaceSettings;
import io.tandem.router.service.InvalidSettingException;
import io.tandem.router.service.SettingsService;

/**
 * Admin API for a workspace's integration settings; requires a bearer admin API key ({@link AdminApiKeyFilter}).
 */
@AdminApi
@Path("/api/workspaces/{appId}/settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    private final SettingsService settings;

    public SettingsResource(SettingsService settings) {
        this.settings = settings;
    }

    /** The stored settings, or the configured defaults ({@code updatedAt} null) for an unconfigured workspace. */
    @GET
    public WorkspaceSettings get(@PathParam("appId") String appId) {
        return settings.effectiveFor(appId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public WorkspaceSettings put(@PathParam("appId") String appId, SettingsRequest request) {
        if (request == null) {
            throw new InvalidSettingException("mode", "a JSON body with at least mode is required");
        }
        return settings.replace(appId, request.mode(), request.minConfidence(), request.handoffTeamId());
    }
}
