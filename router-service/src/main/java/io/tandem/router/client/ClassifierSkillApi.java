package io.tandem.router.client;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * classifier-service's skill API as the integration page uses it: upload a Watson export, read the versions, try a
 * message. Call it through {@link ClassifierSkill}.
 */
@RegisterRestClient(configKey = "classifier")
@Produces(MediaType.APPLICATION_JSON)
public interface ClassifierSkillApi {

    /** The export is passed on byte for byte: classifier-service keeps it as uploaded. */
    @PUT
    @Path("/api/workspaces/{appId}/skill")
    @Consumes(MediaType.APPLICATION_JSON)
    SkillVersionInfo importSkill(@PathParam("appId") String appId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] workspace);

    @GET
    @Path("/api/workspaces/{appId}/skill/versions")
    List<SkillVersionInfo> versions(@PathParam("appId") String appId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/api/workspaces/{appId}/message")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode message(@PathParam("appId") String appId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            JsonNode request);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status == 404) {
            return new NoSkillException();
        }
        if (status == 400) {
            return new ClassifierRefusedException(response.readEntity(String.class));
        }
        if (status == 401 || status == 403) {
            return new DownstreamUnavailableException("classifier-service refused router-service's key (" + status
                    + "; tandem.router.classifier-api-key)");
        }
        return new DownstreamUnavailableException("classifier-service answered " + status);
    }
}
