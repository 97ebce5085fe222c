package io.tandem.sandbox.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of Intercom's error list.
 *
 * @param code  e.g. unauthorized, intercom_version_invalid, parameter_not_found, parameter_invalid, not_found,
 *              server_error
 * @param field the request field at fault, when there is one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntercomError(String code, String message, String field) {

    public static final String UNAUTHORIZED = "unauthorized";
    public static final String VERSION_INVALID = "intercom_version_invalid";
    public static final String PARAMETER_NOT_FOUND = "parameter_not_found";
    public static final String PARAMETER_INVALID = "parameter_invalid";
    public static final String NOT_FOUND = "not_found";
    public static final String SERVER_ERROR = "server_error";
}
