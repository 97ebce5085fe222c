package io.tandem.router;

/**
 * What Tandem does in a workspace's conversations.
 */
public enum Mode {
    /** Answer the customer directly. */
    REPLY,
    /** Leave an internal note suggesting the answer to a human teammate. */
    SUGGEST,
    /** Do nothing. */
    OFF
}
