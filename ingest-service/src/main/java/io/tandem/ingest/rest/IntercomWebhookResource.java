package io.tandem.ingest.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.tandem.ingest.IncomingWebhook;
import io.tandem.ingest.IngestOutcome;
import io.tandem.ingest.service.WebhookIngestor;
import io.tandem.ingest.service.WebhookSignature;

/** Intercom's webhook endpoint. The body is taken as bytes: the signature covers exactly what was sent. */
@Path(IntercomWebhookResource.PATH)
public class IntercomWebhookResource {

    public static final String PATH = "/webhooks/intercom";

    private final WebhookIngestor ingestor;

    public IntercomWebhookResource(WebhookIngestor ingestor) {
        this.ingestor = ingestor;
    }

    /** Answers 200 once the events are acknowledged by Kafka (or were before, or are not needed). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public IngestResult receive(@HeaderParam(WebhookSignature.HEADER) String signature,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent, byte[] body) {
        IngestOutcome outcome = ingestor.ingest(new IncomingWebhook(body, signature, contentType, userAgent));
        return new IngestResult(outcome);
    }

    /** What the 200 answer says; Intercom only looks at the status. */
    public record IngestResult(IngestOutcome outcome) {
    }
}
