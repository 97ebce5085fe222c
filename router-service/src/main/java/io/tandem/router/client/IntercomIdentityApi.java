package io.tandem.router.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** Intercom's {@code GET /me}: whom a workspace's access token belongs to. Call it through {@link IntercomConnection}. */
@RegisterRestClient(configKey = "intercom")
@Produces(MediaType.APPLICATION_JSON)
public interface IntercomIdentityApi {

    @GET
    @Path("/me")
    IntercomMe me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(IntercomApi.INTERCOM_VERSION) String version);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        if (response.getStatus() == 401) {
            return new DownstreamUnavailableException("Intercom refused the workspace's access token (401)");
        }
        return new DownstreamUnavailableException("Intercom answered " + response.getStatus());
    }
}
