package io.tandem.sandbox.rest;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Intercom's error answer: {@code {"type":"error.list","request_id":...,"errors":[...]}}.
 */
public record IntercomErrorList(String type, String requestId, List<IntercomError> errors) {

    public static IntercomErrorList of(List<IntercomError> errors) {
        return new IntercomErrorList("error.list", UUID.randomUUID().toString(), List.copyOf(errors));
    }

    public static Response response(int status, IntercomError error) {
        return response(status, List.of(error));
    }

    public static Response response(int status, List<IntercomError> errors) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(of(errors)).build();
    }
}
