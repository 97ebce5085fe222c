package io.tandem.ingest.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

/** Anything unforeseen: logged here, answered without internals. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    private final ProblemResponses problems;

    public UnexpectedExceptionMapper(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Response toResponse(Exception e) {
        LOG.error("Unexpected failure while handling a request", e);
        return problems.response(Problem.of("internal-error", "Internal error", 500,
                "the request could not be handled; it may be retried", null));
    }
}
