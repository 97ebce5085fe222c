package io.tandem.responder.service;

import io.tandem.responder.client.AdminReply;
import io.tandem.responder.client.Assignment;

/**
 * One Intercom call an action is made of, in order: a reply may be several parts when pauses separate them.
 */
public sealed interface PlannedCall {

    /** How long to wait before this call (a pause response before it), in milliseconds. */
    long delayBeforeMs();

    /** A comment, quick reply or note. */
    record Reply(long delayBeforeMs, AdminReply reply) implements PlannedCall {
    }

    /** An assignment. */
    record Assign(long delayBeforeMs, Assignment assignment) implements PlannedCall {
    }
}
