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
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * The operations of Intercom's REST API (version {@link IntercomGateway#API_VERSION}) Tandem uses, typed after
 * the 2.14 OpenAPI description: identifyAdmin, retrieveConversation, replyConversation, manageConversation.
 * Call it through {@link IntercomGateway}, which adds the credentials and the version and minds the rate limit.
 */
@RegisterRestClient(configKey = "intercom")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface IntercomApi {

    String INTERCOM_VERSION = "Intercom-Version";

    @GET
    @Path("/me")
    RestResponse<IntercomAdmin> me(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(INTERCOM_VERSION) String version);

    @GET
    @Path("/conversations/{id}")
    RestResponse<IntercomConversation> conversation(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(INTERCOM_VERSION) String version,
            @PathParam("id") String conversationId);

    @POST
    @Path("/conversations/{id}/reply")
    RestResponse<IntercomConversation> reply(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(INTERCOM_VERSION) String version,
            @PathParam("id") String conversationId,
            AdminReply reply);

    @POST
    @Path("/conversations/{id}/parts")
    RestResponse<IntercomConversation> manage(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(INTERCOM_VERSION) String version,
            @PathParam("id") String conversationId,
            Assignment assignment);

    @ClientExceptionMapper
    static IntercomException toException(Response response) {
        IntercomErrorList errors = errors(response);
        return IntercomException.forStatus(response.getStatus(), errors == null ? null : errors.firstCode(),
                errors == null ? null : errors.firstMessage(), RateLimitHeaders.resetAt(response.getHeaders()));
    }

    private static IntercomErrorList errors(Response response) {
        try {
            return response.readEntity(IntercomErrorList.class);
        } catch (RuntimeException notAnErrorList) {
            // a proxy's HTML page or an empty body: the status alone has to do
            return null;
        }
    }
}
