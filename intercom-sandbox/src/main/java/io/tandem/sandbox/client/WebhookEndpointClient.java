package io.tandem.sandbox.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * The app's webhook endpoint (ingest-service), which the sandbox calls the way Intercom does.
 */
@RegisterRestClient(configKey = "webhook-endpoint")
@ClientHeaderParam(name = "User-Agent", value = "Intercom-Webhooks")
public interface WebhookEndpointClient {

    String SIGNATURE_HEADER = "X-Hub-Signature";

    /**
     * @param signature {@code sha1=} and the hex HMAC-SHA1 of exactly {@code body}
     * @param body      the notification, sent byte for byte as signed
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> deliver(@HeaderParam(SIGNATURE_HEADER) String signature, byte[] body);
}
