package io.tandem.contracts;

import java.time.Instant;
import java.util.List;

/**
 * Something that happened in an Intercom conversation, normalized from a webhook: a customer's message, a
 * teammate's reply or note, an assignment, a close, open or snooze, another bot's reply. Published on
 * {@link Topics#CONVERSATION_EVENTS} in the order Intercom sent them, keyed by conversation id.
 *
 * @param notificationId   the Intercom notification that carried it
 * @param topic            the Intercom webhook topic, e.g. {@code conversation.user.replied}
 * @param kind             what happened
 * @param part             the newest conversation part (the message, note or assignment); null when the
 *                         notification carried none
 * @param owner            who owns the conversation after this event: the admin and the team (inbox) assigned
 * @param state            the conversation's state after this event: {@code open}, {@code closed} or
 *                         {@code snoozed}
 * @param authoredByTandem whether the part was written by the admin Tandem acts as; no stage answers those
 * @param receivedAt       when Tandem received the webhook
 */
public record ConversationEvent(
        int schemaVersion,
        String eventId,
        String causationId,
        String appId,
        String conversationId,
        Instant occurredAt,
        String notificationId,
        String topic,
        Kind kind,
        Part part,
        Owner owner,
        String state,
        boolean authoredByTandem,
        Instant receivedAt) implements TandemEvent {

    public static final int SCHEMA_VERSION = 2;

    public ConversationEvent {
        owner = owner == null ? Owner.UNASSIGNED : owner;
    }

    public enum Kind {
        /** {@code conversation.user.created}: a customer opened the conversation. */
        CONVERSATION_STARTED,
        /** {@code conversation.user.replied} */
        CUSTOMER_REPLIED,
        /** {@code conversation.admin.assigned} */
        ASSIGNED,
        /** {@code conversation.admin.replied} */
        ADMIN_REPLIED,
        /** {@code conversation.admin.noted} */
        ADMIN_NOTED,
        /** {@code conversation.admin.closed} */
        CLOSED,
        /** {@code conversation.admin.opened} */
        OPENED,
        /** {@code conversation.admin.snoozed} */
        SNOOZED,
        /** {@code conversation.operator.replied}: another bot (e.g. Intercom's own) replied. */
        OPERATOR_REPLIED;

        /** Whether events of this kind carry a customer's message that a dialog skill should understand. */
        public boolean carriesCustomerMessage() {
            return this == CONVERSATION_STARTED || this == CUSTOMER_REPLIED;
        }
    }

    /** Whether this event is a customer's message that a dialog skill should understand. */
    public boolean carriesCustomerMessage() {
        return kind.carriesCustomerMessage() && part != null && !authoredByTandem;
    }

    /**
     * A conversation part.
     *
     * @param id          Intercom's part id (the conversation's source id for the first message)
     * @param partType    Intercom's {@code part_type}: comment, note, assignment, close, open, snoozed, ...
     * @param author      who wrote it
     * @param text        the body as plain text (HTML removed, entities decoded); empty when it has none
     * @param attachments files attached to it
     * @param createdAt   when it was written
     */
    public record Part(String id, String partType, Author author, String text, List<Attachment> attachments,
            Instant createdAt) {

        public Part {
            text = text == null ? "" : text;
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    /** An Intercom author: {@code type} is user, lead, contact, admin, team or bot. */
    public record Author(String type, String id, String name) {

        /** Whether a customer (user, lead or contact) wrote it. */
        public boolean writtenByCustomer() {
            return "user".equals(type) || "lead".equals(type) || "contact".equals(type);
        }
    }

    /** A file attached to a part. */
    public record Attachment(String name, String url, String contentType) {
    }

    /**
     * Who owns a conversation. Intercom's {@code 0} and {@code null} are both normalized to null (Unassigned).
     *
     * @param adminId the admin assigned, or null
     * @param teamId  the team whose inbox holds the conversation, or null for the Unassigned inbox
     */
    public record Owner(String adminId, String teamId) {

        public static final Owner UNASSIGNED = new Owner(null, null);

        public Owner {
            adminId = normalize(adminId);
            teamId = normalize(teamId);
        }

        private static String normalize(String id) {
            return id == null || id.isBlank() || "0".equals(id) ? null : id;
        }
    }

    /**
     * @param partId the part's id; for an event without a part, the notification id
     */
    public static String idFor(String appId, String conversationId, String partId) {
        return EventIds.derive("conversation-event", appId, conversationId, partId);
    }
}
