package io.tandem.ingest.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.tandem.ingest.service.TemporarilyUnavailableException;

@Provider
public class TemporarilyUnavailableExceptionMapper implements ExceptionMapper<TemporarilyUnavailableException> {

    // Intercom retries a failed delivery about a minute later
    private static final String RETRY_AFTER_SECONDS = "60";

    private final ProblemResponses problems;

    public TemporarilyUnavailableExceptionMapper(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Response toResponse(TemporarilyUnavailableException e) {
        Problem problem = Problem.of("temporarily-unavailable", "Temporarily unavailable", 503, e.getMessage(), null);
        return Response.fromResponse(problems.response(problem))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }
}
