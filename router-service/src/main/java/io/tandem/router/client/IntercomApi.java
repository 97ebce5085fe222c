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

/** The part of Intercom's REST API (version 2.14) router-service reads. Call it through {@link IntercomTeammates}. */
@RegisterRestClient(configKey = "intercom")
@Produces(MediaType.APPLICATION_JSON)
public interface IntercomApi {

    String INTERCOM_VERSION = "Intercom-Version";
    /** The Intercom API version Tandem is written against. */
    String API_VERSION = "2.14";

    @GET
    @Path("/admins")
    IntercomAdmins admins(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(INTERCOM_VERSION) String version);

    @GET
    @Path("/teams")
    IntercomTeams teams(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(INTERCOM_VERSION) String version);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return new DownstreamUnavailableException("Intercom answered " + response.getStatus());
    }
}
