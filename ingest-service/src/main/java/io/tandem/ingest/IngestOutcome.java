package io.tandem.ingest;

/** What became of a webhook that was answered 200. */
public enum IngestOutcome {

    /** Published to Kafka. */
    ACCEPTED,
    /** Already published by an earlier delivery; nothing published again. */
    DUPLICATE,
    /** A topic Tandem does not act on (including Intercom's ping); nothing published. */
    IGNORED
}
