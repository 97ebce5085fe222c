package io.tandem.ingest.rest;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail.
 *
 * @param field the offending field (dotted JSON path or header name), when one is to blame
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** @param slug names the problem type, e.g. {@code bad-signature} */
    public static Problem of(String slug, String title, int status, String detail, String field) {
        return new Problem(URI.create("urn:tandem:problem:" + slug), title, status, detail, field);
    }
}
