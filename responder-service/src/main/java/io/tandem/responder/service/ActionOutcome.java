package io.tandem.responder.service;

import io.tandem.contracts.ActionPerformed;

/**
 * How handling an action ended, and what the consumer does with its record.
 *
 * @param result           the result to publish; null when there is none (parked, dry run)
 * @param deadLetterReason why the action goes to the dead letter topic, or null
 */
public record ActionOutcome(Kind kind, ActionPerformed result, String deadLetterReason) {

    public enum Kind {
        /** Performed now (succeeded or failed): publish the result. */
        PERFORMED,
        /** Performed before: nothing called, the recorded result published again, marked as a duplicate. */
        SKIPPED_DUPLICATE,
        /** Failed for good: publish the result and send the action to the dead letter topic. */
        DEAD_LETTER,
        /** Kept until the workspace's token works again. */
        PARKED,
        /** Dry run: nothing called, what would have been sent recorded. */
        DRY_RUN
    }

    static ActionOutcome performed(ActionPerformed result) {
        return new ActionOutcome(Kind.PERFORMED, result, null);
    }

    static ActionOutcome duplicate(ActionPerformed result) {
        return new ActionOutcome(Kind.SKIPPED_DUPLICATE, result, null);
    }

    static ActionOutcome deadLetter(ActionPerformed result, String reason) {
        return new ActionOutcome(Kind.DEAD_LETTER, result, reason);
    }

    static ActionOutcome parked() {
        return new ActionOutcome(Kind.PARKED, null, null);
    }

    static ActionOutcome dryRun() {
        return new ActionOutcome(Kind.DRY_RUN, null, null);
    }
}
