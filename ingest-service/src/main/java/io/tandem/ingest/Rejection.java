package io.tandem.ingest;

import java.util.Locale;

/** Why a webhook was refused, with the HTTP status it is answered with; also the metric tag. */
public enum Rejection {

    MISSING_SIGNATURE(401, "Missing signature"),
    UNKNOWN_APP(401, "Unknown Intercom app"),
    BAD_SIGNATURE(401, "Signature does not match"),
    MALFORMED(400, "Malformed notification"),
    TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type");

    private final int status;
    private final String title;

    Rejection(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Lower-case, dash-separated name, e.g. {@code bad-signature}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
