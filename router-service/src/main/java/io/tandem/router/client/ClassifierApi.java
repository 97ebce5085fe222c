package io.tandem.router.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** classifier-service's admin API, the part router-service reads. Call it through {@link SkillCatalog}. */
@RegisterRestClient(configKey = "classifier")
@Produces(MediaType.APPLICATION_JSON)
public interface ClassifierApi {

    @GET
    @Path("/api/workspaces/{appId}/skill/nodes")
    List<SkillNode> rootNodes(@PathParam("appId") String appId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        if (response.getStatus() == 404) {
            return new NoSkillException();
        }
        return new DownstreamUnavailableException("classifier-service answered " + response.getStatus());
    }
}
