package io.tandem.sandbox.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import io.tandem.sandbox.AdminList;
import io.tandem.sandbox.AdminWithApp;
import io.tandem.sandbox.TeamList;
import io.tandem.sandbox.service.Workspace;

/**
 * Intercom's {@code GET /me}, {@code GET /admins} and {@code GET /teams}.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

    private final IntercomRequestGuard guard;
    private final Workspace workspace;

    WorkspaceResource(IntercomRequestGuard guard, Workspace workspace) {
        this.guard = guard;
        this.workspace = workspace;
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

    @GET
    @Path("teams")
    public TeamList teams(@Context UriInfo uri, @Context HttpHeaders headers) {
        guard.check("GET", uri, headers, null);
        return workspace.teams();
    }
}
