package io.tandem.router.rest;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, plus {@code field} naming the offending input when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static final String INVALID_REQUEST = "urn:tandem:problem:invalid-request";
    static final String UNAUTHORIZED = "urn:tandem:problem:unauthorized";
    static final String FORBIDDEN = "urn:tandem:problem:forbidden";
    static final String NOT_FOUND = "urn:tandem:problem:not-found";
    static final String UNAVAILABLE = "urn:tandem:problem:dependency-unavailable";
    static final String HTTP_ERROR = "urn:tandem:problem:http-error";
    static final String INTERNAL_ERROR = "urn:tandem:problem:internal-error";

    public static Problem invalidRequest(String field, String detail) {
        return new Problem(INVALID_REQUEST, "Invalid request", 400, detail, field);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
