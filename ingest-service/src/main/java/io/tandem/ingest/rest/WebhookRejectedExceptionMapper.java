package io.tandem.ingest.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.tandem.ingest.Rejection;
import io.tandem.ingest.service.IngestMetrics;
import io.tandem.ingest.service.WebhookRejectedException;

@Provider
public class WebhookRejectedExceptionMapper implements ExceptionMapper<WebhookRejectedException> {

    private final ProblemResponses problems;
    private final IngestMetrics metrics;

    public WebhookRejectedExceptionMapper(ProblemResponses problems, IngestMetrics metrics) {
        this.problems = problems;
        this.metrics = metrics;
    }

    @Override
    public Response toResponse(WebhookRejectedException e) {
        Rejection rejection = e.rejection();
        metrics.rejected(rejection);
        return problems.response(Problem.of(rejection.slug(), rejection.title(), rejection.status(), e.getMessage(),
                e.field()));
    }
}
