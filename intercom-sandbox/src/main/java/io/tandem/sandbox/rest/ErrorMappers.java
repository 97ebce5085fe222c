package io.tandem.sandbox.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Errors of every endpoint: Intercom's error list on the Intercom API, problem JSON on the sandbox's own endpoints,
 * never a stack trace.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    private static final String SANDBOX_PATH = "sandbox";

    @ServerExceptionMapper
    public Response refused(IntercomApiException refusal) {
        return IntercomErrorList.response(refusal.status(), refusal.errors());
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException e) {
        // routing answers (404, 405, 415) keep their status
        return e.getResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.errorf(e, "Unexpected error answering %s", uri.getPath());
        if (uri.getPath().replaceFirst("^/", "").startsWith(SANDBOX_PATH)) {
            return Problem.internalError();
        }
        return IntercomErrorList.response(500, new IntercomError(IntercomError.SERVER_ERROR,
                "The request could not be completed", null));
    }
}
