package io.tandem.sandbox.rest;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail for the sandbox's own endpoints.
 *
 * @param field the offending field of the request body, when one is to blame
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response invalidRequest(String field, String detail) {
        return of("invalid-request", "Invalid request", 400, detail, field);
    }

    public static Response notFound(String detail) {
        return of("not-found", "Not found", 404, detail, null);
    }

    public static Response httpError(Response.StatusType status, String detail) {
        return of("http-error", status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    public static Response internalError() {
        return of("internal-error", "Internal Server Error", 500, "The request could not be completed", null);
    }

    private static Response of(String slug, String title, int status, String detail, String field) {
        Problem problem = new Problem(URI.create("urn:tandem:problem:" + slug), title, status, detail, field);
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }
}
