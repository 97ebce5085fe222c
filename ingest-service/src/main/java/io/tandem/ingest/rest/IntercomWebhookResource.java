package io.tandem.ingest.rest;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
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

    /**
     * Answers 200 once the events are acknowledged by Kafka (or were before, or are not needed). Runs on the event
     * loop and blocks nothing: the answer is completed by the de-duplication batch and Kafka's callbacks.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<IngestResult> receive(@HeaderParam(WebhookSignature.HEADER) String signature,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent, byte[] body) {
        return Uni.createFrom()
                .completionStage(() -> ingestor.ingest(new IncomingWebhook(body, signature, contentType, userAgent)))
                .onFailure(CompletionException.class).transform(Throwable::getCause)
                .map(IngestResult::of);
    }

    /** What the 200 answer says; Intercom only looks at the status. */
    public record IngestResult(IngestOutcome outcome) {

        private static final Map<IngestOutcome, IngestResult> EACH = Arrays.stream(IngestOutcome.values())
                .collect(Collectors.toUnmodifiableMap(outcome -> outcome, IngestResult::new));

        static IngestResult of(IngestOutcome outcome) {
            return EACH.get(outcome);
        }
    }
}
