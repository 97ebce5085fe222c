package io.tandem.ingest;

import java.time.Instant;

import io.tandem.contracts.ConversationMessageReceived.Author;
import io.tandem.contracts.ConversationMessageReceived.Kind;

/**
 * A customer's message found in a notification.
 *
 * @param kind      whether it opened the conversation or replied in it
 * @param partId    Intercom's id of the conversation source or part
 * @param author    who wrote it
 * @param text      the message as plain text
 * @param createdAt when it was written
 */
public record CustomerMessage(Kind kind, String partId, Author author, String text, Instant createdAt) {
}
