package io.tandem.responder.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * The subset of Intercom's REST API (version 2.14) Tandem uses. Call it through {@link IntercomGateway}, which adds
 * the credentials and retries.
 */
@RegisterRestClient(configKey = "intercom")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface IntercomApi {

    String INTERCOM_VERSION = "Intercom-Version";

    @GET
    @Path("/me")
    IntercomAdmin me(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(INTERCOM_VERSION) String version);

    @POST
    @Path("/conversations/{id}/reply")
    IntercomConversation reply(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(INTERCOM_VERSION) String version,
            @PathParam("id") String conversationId,
            AdminReply reply);

    @POST
    @Path("/conversations/{id}/parts")
    IntercomConversation manage(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(INTERCOM_VERSION) String version,
            @PathParam("id") String conversationId,
            Assignment assignment);

    @ClientExceptionMapper
    static IntercomException toException(Response response) {
        return IntercomException.forStatus(response.getStatus(), errorCode(response));
    }

    private static String errorCode(Response response) {
        try {
            return response.readEntity(IntercomErrorList.class).firstCode();
        } catch (RuntimeException notAnErrorList) {
            // a proxy's HTML page or an empty body: the status alone has to do
            return null;
        }
    }
}
