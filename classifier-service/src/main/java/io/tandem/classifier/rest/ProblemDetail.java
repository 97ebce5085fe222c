package io.tandem.classifier.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem. {@code field} names the (first) offending field; {@code errors} lists every problem when
 * there are several.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(String type, String title, int status, String detail, String field,
        List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field and what is wrong with it. */
    public record FieldProblem(String field, String detail) {
    }
}
