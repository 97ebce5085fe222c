package io.tandem.router;

/** What the assistant does in a branch at or above the threshold. */
public enum RuleAction {
    DO_NOTHING,
    SEND,
    SUGGEST,
    ANSWER
}
