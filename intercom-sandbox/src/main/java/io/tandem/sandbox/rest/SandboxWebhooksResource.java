package io.tandem.sandbox.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.tandem.sandbox.WebhookDelivery;
import io.tandem.sandbox.service.WebhookDeliveries;

/**
 * The webhooks the sandbox sent lately and how the receiver answered, oldest first.
 */
@Path("/sandbox/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxWebhooksResource {

    private final WebhookDeliveries deliveries;

    SandboxWebhooksResource(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GET
    public List<WebhookDelivery> list() {
        return deliveries.all();
    }
}
