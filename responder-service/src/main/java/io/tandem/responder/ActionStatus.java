package io.tandem.responder;

/**
 * Where an action stands in the ledger of performed actions.
 */
public enum ActionStatus {
    /** Claimed: an attempt on Intercom is under way, was interrupted, or waits for the workspace's token to work. */
    PENDING,
    /** Intercom took it (every part of it). */
    DONE,
    /** Intercom refused it, could not be reached in time, or it could not be sent at all. */
    FAILED
}
