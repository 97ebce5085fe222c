package io.tandem.router.rest;

import java.time.Instant;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tandem.router.Integration;
import io.tandem.router.service.InvalidRequestException;
import io.tandem.router.service.SettingsService;

/** The integration's settings of a workspace: the teammate Tandem acts as, monitoring, inbox, threshold. */
@AdminApi
@Path("/api/workspaces/{appId}/integration")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "integration")
@SecurityRequirement(name = OpenApiDescription.BEARER)
public class IntegrationResource {

    private final SettingsService settings;
    private final CurrentCaller caller;

    public IntegrationResource(SettingsService settings, CurrentCaller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    /**
     * @param assistantAdminId the Intercom admin id of the teammate Tandem acts as
     * @param monitoredInbox   {@code "unassigned"} or a team id
     * @param updatedAt        null while the workspace has the defaults
     */
    public record IntegrationView(String appId, String assistantAdminId, boolean dialogReady, boolean monitoring,
            String monitoredInbox, double threshold, Instant updatedAt) {

        static IntegrationView of(Integration integration) {
            return new IntegrationView(integration.appId(), integration.assistantAdminId(), integration.dialogReady(),
                    integration.monitoring(), integration.monitoredInbox(), integration.threshold(),
                    integration.updatedAt());
        }
    }

    /** What to change; an omitted (null) field keeps its current value. */
    public record IntegrationRequest(String assistantAdminId, Boolean dialogReady, Boolean monitoring,
            String monitoredInbox, Double threshold) {
    }

    @GET
    @Operation(summary = "The workspace's integration settings (the defaults when none are stored)")
    public IntegrationView get(@PathParam("appId") String appId) {
        return IntegrationView.of(settings.integration(appId));
    }

    @PUT
    @Operation(summary = "Changes the integration settings; omitted fields keep their value")
    public IntegrationView put(@PathParam("appId") String appId, IntegrationRequest request) {
        if (request == null) {
            throw new InvalidRequestException(null, "a JSON object with the settings to change is required");
        }
        return IntegrationView.of(settings.changeIntegration(appId, new SettingsService.IntegrationChange(
                request.assistantAdminId(), request.dialogReady(), request.monitoring(), request.monitoredInbox(),
                request.threshold()), caller.name()));
    }
}
