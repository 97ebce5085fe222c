package io.tandem.ingest.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.tandem.ingest.Rejection;
import io.tandem.ingest.service.IngestMetrics;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} with a problem JSON rather than Quarkus' empty 413:
 * a declared length is checked up front on every route; a chunked HTTP/1.1 webhook body (no Content-Length) is
 * read with that limit before it reaches the resource. A streamed HTTP/2 body is left to Quarkus' own limit (an
 * empty 413): Quarkus REST cannot take an HTTP/2 body that was read ahead (quarkusio/quarkus#34393).
 */
@ApplicationScoped
public class BodySizeLimit {

    // just before Quarkus' own check, which would answer the same 413 with an empty body
    private static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    private final long maxBodySize;
    private final BodyHandler streamedBodyReader;
    private final ProblemResponses problems;
    private final IngestMetrics metrics;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ProblemResponses problems, IngestMetrics metrics) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.streamedBodyReader = BodyHandler.create(false).setBodyLimit(this.maxBodySize);
        this.problems = problems;
        this.metrics = metrics;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::rejectDeclaredOversize);
        router.post(IntercomWebhookResource.PATH).order(ORDER)
                .handler(this::readChunkedBody)
                .failureHandler(this::rejectStreamedOversize);
    }

    private void readChunkedBody(RoutingContext context) {
        boolean chunked = context.request().version() != HttpVersion.HTTP_2 && declaredLength(context) < 0;
        if (chunked) {
            streamedBodyReader.handle(context);
        } else {
            context.next();
        }
    }

    private void rejectDeclaredOversize(RoutingContext context) {
        if (declaredLength(context) > maxBodySize) {
            answerTooLarge(context);
        } else {
            context.next();
        }
    }

    private void rejectStreamedOversize(RoutingContext context) {
        if (context.statusCode() == Rejection.TOO_LARGE.status() && !context.response().headWritten()) {
            answerTooLarge(context);
        } else {
            context.next();
        }
    }

    private void answerTooLarge(RoutingContext context) {
        Rejection rejection = Rejection.TOO_LARGE;
        metrics.rejected(rejection);
        String problem = problems.json(Problem.of(rejection.slug(), rejection.title(), rejection.status(),
                "the body must not exceed " + maxBodySize + " bytes", null));
        // the rest of the body is not drained: closing the connection is cheaper
        context.response()
                .setStatusCode(rejection.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .endHandler(ended -> context.request().connection().close())
                .end(problem);
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException unparseable) {
            return -1;
        }
    }
}
