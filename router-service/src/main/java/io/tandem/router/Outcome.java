package io.tandem.router;

/** What the assistant did about one event, as counted by the insights. */
public enum Outcome {
    /** Replied to the customer with the branch's response. */
    ANSWERED,
    /** Asked the customer which of several matching topics they meant. */
    CLARIFIED,
    /** Left a suggestion for a teammate and handed the conversation over. */
    SUGGESTED,
    /** Handed the conversation to the backup contact with a note naming the goal. */
    SENT,
    /** Could not go on (connect to agent, a customer asking for a human, low confidence) and handed over. */
    ESCALATED,
    /** Took a conversation over after a suggestion, on a teammate's assignment or note command. */
    TAKEN_OVER,
    /** Sent the suggestion a teammate picked with a note command. */
    PICKED,
    /** Answered a teammate's note command it could not carry out. */
    COMMAND_REJECTED,
    /** Decided to do nothing (a rule, the threshold, monitoring off, ...). */
    NOTHING,
    /** Stayed silent: a human owns the conversation. */
    SILENT,
    /** A lifecycle event or Tandem's own part: only what the router knows of the conversation changed. */
    TRACKED
}
