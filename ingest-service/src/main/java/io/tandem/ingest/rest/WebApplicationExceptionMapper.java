package io.tandem.ingest.rest;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.tandem.ingest.Rejection;
import io.tandem.ingest.service.IngestMetrics;

/** HTTP errors raised by JAX-RS itself (415, 404, 405, ...) as problem details. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private final ProblemResponses problems;
    private final IngestMetrics metrics;

    public WebApplicationExceptionMapper(ProblemResponses problems, IngestMetrics metrics) {
        this.problems = problems;
        this.metrics = metrics;
    }

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e instanceof NotSupportedException) {
            Rejection rejection = Rejection.UNSUPPORTED_MEDIA_TYPE;
            metrics.rejected(rejection);
            return problems.response(Problem.of(rejection.slug(), rejection.title(), rejection.status(),
                    "the body must be application/json", HttpHeaders.CONTENT_TYPE));
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Response.fromResponse(e.getResponse())
                .type(Problem.MEDIA_TYPE)
                .entity(problems.json(Problem.of("http-" + status.getStatusCode(), status.getReasonPhrase(),
                        status.getStatusCode(), status.getReasonPhrase(), null)))
                .build();
    }
}
