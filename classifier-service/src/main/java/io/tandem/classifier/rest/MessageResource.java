package io.tandem.classifier.rest;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.databind.JsonNode;

import io.tandem.classifier.service.TryOutService;

/**
 * "Try it out": sends one message to the workspace's active skill and answers as Watson Assistant's v1 message
 * API does, without touching any conversation's state.
 */
@Path("/api/workspaces/{appId}/message")
public class MessageResource {

    private final TryOutService tryOut;

    MessageResource(TryOutService tryOut) {
        this.tryOut = tryOut;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> message(@RestPath String appId, JsonNode request) {
        return tryOut.message(appId, request);
    }
}
