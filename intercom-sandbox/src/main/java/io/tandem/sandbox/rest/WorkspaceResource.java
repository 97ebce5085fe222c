package io.tandem.sandbox.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.sandbox.Admin;
import io.tandem.sandbox.AdminList;
import io.tandem.sandbox.AdminWithApp;
import io.tandem.sandbox.TeamList;
import io.tandem.sandbox.service.TeammateService;
import io.tandem.sandbox.service.Workspace;

/**
 * Intercom's {@code GET /me}, {@code GET /admins}, {@code PUT /admins/{id}/away} and {@code GET /teams}.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

    private final IntercomRequestGuard guard;
    private final Workspace workspace;
    private final TeammateService teammates;
    private final ObjectMapper json;

    WorkspaceResource(IntercomRequestGuard guard, Workspace workspace, TeammateService teammates, ObjectMapper json) {
        this.guard = guard;
        this.workspace = workspace;
        this.teammates = teammates;
        this.json = json;
    }

    /** The bot teammate the access token belongs to. */
    @GET
    @Path("me")
    public AdminWithApp me(@Context UriInfo uri, @Context HttpHeaders headers) {
        guard.check("GET", uri, headers, null);
        return workspace.me();
    }

    @GET
    @Path("admins")
    public AdminList admins(@Context UriInfo uri, @Context HttpHeaders headers) {
        guard.check("GET", uri, headers, null);
        return workspace.admins();
    }

    /** Intercom's setAwayAdmin: the teammate goes away or comes back; announced by webhook. */
    @PUT
    @Path("admins/{admin_id}/away")
    public Admin setAway(@PathParam("admin_id") String adminId, @Context UriInfo uri, @Context HttpHeaders headers,
            String body) {
        guard.check("PUT", uri, headers, body);
        if (workspace.admin(adminId).isEmpty()) {
            throw new IntercomApiException(404, new IntercomError(IntercomError.NOT_FOUND, "Admin not found", null));
        }
        AwayModeRequest request = read(body);
        return teammates.setAway(adminId, request.awayModeEnabled(), request.awayModeReassign());
    }

    @GET
    @Path("teams")
    public TeamList teams(@Context UriInfo uri, @Context HttpHeaders headers) {
        guard.check("GET", uri, headers, null);
        return workspace.teams();
    }

    private AwayModeRequest read(String body) {
        try {
            return json.readValue(body, AwayModeRequest.class);
        } catch (JsonProcessingException e) {
            // cannot happen for a body the API description accepted
            throw new IntercomApiException(400, new IntercomError(IntercomError.PARAMETER_INVALID,
                    "The request body is not valid JSON", null));
        }
    }

    /** Body of {@code PUT /admins/{admin_id}/away}. */
    record AwayModeRequest(boolean awayModeEnabled, boolean awayModeReassign) {
    }
}
