package io.tandem.ingest.service;

import io.tandem.ingest.Rejection;

/** A webhook refused for good: Intercom must not expect a retry of the same bytes to succeed. */
public class WebhookRejectedException extends RuntimeException {

    private final Rejection rejection;
    private final String field;

    /**
     * @param field the offending field (a dotted JSON path such as {@code data.item.id}, or a header name), or null
     */
    public WebhookRejectedException(Rejection rejection, String field, String detail) {
        super(detail, null, false, false);
        this.rejection = rejection;
        this.field = field;
    }

    public static WebhookRejectedException malformed(String field, String detail) {
        return new WebhookRejectedException(Rejection.MALFORMED, field, detail);
    }

    public Rejection rejection() {
        return rejection;
    }

    public String field() {
        return field;
    }
}
