package io.tandem.ingest;

/**
 * What a workspace's message bodies are: HTML up to Intercom API 2.14, plain text in 2.15+ webhooks. The payload
 * does not say which API version the Intercom app is set to, so it is configured per app.
 */
public enum BodyFormat {

    /** HTML when the body contains markup, else plain text: right for both, unless plain text looks like a tag. */
    AUTO,
    /** Always HTML (API 2.14 and older). */
    HTML,
    /** Always plain text (API 2.15 and newer): a customer's {@code <b>} stays as they typed it. */
    TEXT
}
