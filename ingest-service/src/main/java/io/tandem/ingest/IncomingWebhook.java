package io.tandem.ingest;

import java.util.Arrays;
import java.util.Objects;

/**
 * A webhook request as it arrived at the edge.
 *
 * @param body        the raw request body, the bytes the signature was computed over
 * @param signature   the {@code X-Hub-Signature} header, or null when absent
 * @param contentType the {@code Content-Type} header
 * @param userAgent   the {@code User-Agent} header, or null when absent
 */
public record IncomingWebhook(byte[] body, String signature, String contentType, String userAgent) {

    public IncomingWebhook {
        body = body == null ? new byte[0] : body;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IncomingWebhook that && Arrays.equals(body, that.body)
                && Objects.equals(signature, that.signature)
                && Objects.equals(contentType, that.contentType)
                && Objects.equals(userAgent, that.userAgent);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(body) + Objects.hash(signature, contentType, userAgent);
    }

    @Override
    public String toString() {
        return "IncomingWebhook[" + body.length + " bytes, contentType=" + contentType + ", userAgent=" + userAgent
                + "]";
    }
}
