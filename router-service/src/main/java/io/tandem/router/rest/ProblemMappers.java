package io.tandem.router.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.tandem.router.client.DownstreamUnavailableException;
import io.tandem.router.service.InvalidRequestException;
import io.tandem.router.service.RuleNotFoundException;

/**
 * Turns every error at the HTTP edge into problem JSON; no stack trace leaves the service.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return Problem.invalidRequest(e.field(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response ruleNotFound(RuleNotFoundException e) {
        return new Problem(Problem.NOT_FOUND, "Not Found", 404, e.getMessage(), "node").toResponse();
    }

    @ServerExceptionMapper
    public Response downstreamUnavailable(DownstreamUnavailableException e) {
        LOG.warnf("admin API request failed: %s", e.getMessage());
        return new Problem(Problem.UNAVAILABLE, "Service Unavailable", 503, e.getMessage(), null).toResponse();
    }

    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class })
    public Response unreadableBody(JsonProcessingException e) {
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null
                            ? reference.getFieldName()
                            : Integer.toString(reference.getIndex()))
                    .reduce((parent, child) -> parent + "." + child)
                    .orElse(null);
        }
        String detail = field == null ? "the body is not valid JSON" : field + " has the wrong type";
        return Problem.invalidRequest(field, detail).toResponse();
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return new Problem(Problem.HTTP_ERROR, status.getReasonPhrase(), status.getStatusCode(), e.getMessage(), null)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error in the admin API", e);
        return new Problem(Problem.INTERNAL_ERROR, "Internal Server Error", 500,
                "the request could not be completed", null).toResponse();
    }
}
