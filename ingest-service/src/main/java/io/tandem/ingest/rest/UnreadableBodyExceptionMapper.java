package io.tandem.ingest.rest;

import java.io.IOException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

/**
 * The request body could not be read, almost always because the client hung up mid-request. Not worth a stack
 * trace: under overload, logging thousands of them would take the CPU the service needs to catch up.
 */
@Provider
public class UnreadableBodyExceptionMapper implements ExceptionMapper<IOException> {

    private static final Logger LOG = Logger.getLogger(UnreadableBodyExceptionMapper.class);

    private final ProblemResponses problems;

    public UnreadableBodyExceptionMapper(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Response toResponse(IOException e) {
        LOG.debugf("Could not read a request: %s", e);
        return problems.response(Problem.of("unreadable-body", "Unreadable request body", 400,
                "the request body could not be read to its end", "body"));
    }
}
