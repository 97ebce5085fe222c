package io.tandem.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A conversation in the shape of Intercom's "retrieve a conversation" answer. Immutable: every change returns a
 * new conversation with one more part.
 *
 * @param waitingSince    when the contact started waiting for an answer; null once an admin commented
 * @param adminAssigneeId null when no admin is assigned
 * @param teamAssigneeId  null when no team is assigned
 */
public record Conversation(
        String type,
        String id,
        String title,
        long createdAt,
        long updatedAt,
        Long waitingSince,
        Long snoozedUntil,
        ConversationSource source,
        ContactList contacts,
        FirstContactReply firstContactReply,
        Long adminAssigneeId,
        Long teamAssigneeId,
        boolean open,
        ConversationState state,
        boolean read,
        TagList tags,
        Map<String, Object> customAttributes,
        boolean aiAgentParticipated,
        ConversationParts conversationParts) {

    /** A conversation the customer opened with {@code source}; it has no parts yet. */
    public static Conversation startedBy(String id, Contact contact, ConversationSource source, long createdAt) {
        return new Conversation("conversation", id, null, createdAt, createdAt, createdAt, null, source,
                ContactList.of(ContactReference.of(contact.id())), FirstContactReply.at(createdAt), null, null, true,
                ConversationState.OPEN, false, TagList.empty(), Map.of(), false, ConversationParts.of(List.of()));
    }

    /** The contact who opened the conversation, as author of its replies. */
    public Author customer() {
        return source.author();
    }

    /** The quick-reply button with this uuid, offered in any of the admins' quick replies. */
    public Optional<QuickReplyOption> quickReplyOption(String uuid) {
        return conversationParts.conversationParts().stream()
                .flatMap(part -> part.quickReplyOptions().stream())
                .filter(option -> option.uuid().equals(uuid))
                .findFirst();
    }

    public ConversationPart lastPart() {
        List<ConversationPart> parts = conversationParts.conversationParts();
        return parts.get(parts.size() - 1);
    }

    /** The same conversation carrying only {@code parts}, as webhooks carry it. */
    public Conversation withOnlyParts(List<ConversationPart> parts) {
        return new Conversation(type, id, title, createdAt, updatedAt, waitingSince, snoozedUntil, source, contacts,
                firstContactReply, adminAssigneeId, teamAssigneeId, open, state, read, tags, customAttributes,
                aiAgentParticipated, ConversationParts.of(parts));
    }

    /** The customer wrote again; that reopens a closed or snoozed conversation. */
    public Conversation customerReplied(String partId, String body, long at) {
        return customerReplied(partId, body, at, null);
    }

    /**
     * The customer wrote again, or clicked a quick-reply button ({@code metadata} names it).
     */
    public Conversation customerReplied(String partId, String body, long at, PartMetadata metadata) {
        ConversationPart part = ConversationPart.of(partId, PartType.COMMENT, body, at, customer(), null,
                ConversationState.OPEN).with(List.of(), metadata);
        return with(part, waitingSince == null ? at : waitingSince, null, adminAssigneeId, teamAssigneeId,
                ConversationState.OPEN);
    }

    /** An admin answered the customer, who is no longer waiting. */
    public Conversation adminCommented(String partId, String body, long at, Author admin) {
        return adminCommented(partId, PartType.COMMENT, body, at, admin);
    }

    /** An admin wrote to the contact: a comment, or a quick reply (a comment with buttons). */
    public Conversation adminCommented(String partId, PartType partType, String body, long at, Author admin) {
        return adminCommented(partId, partType, body, at, admin, List.of(), null);
    }

    /**
     * An admin wrote to the contact, with files attached and, for a quick reply, its buttons in {@code metadata}.
     */
    public Conversation adminCommented(String partId, PartType partType, String body, long at, Author admin,
            List<PartAttachment> attachments, PartMetadata metadata) {
        ConversationPart part = ConversationPart.of(partId, partType, body, at, admin, null, state)
                .with(attachments, metadata);
        return with(part, null, snoozedUntil, adminAssigneeId, teamAssigneeId, state);
    }

    /** An admin left a note only teammates see. */
    public Conversation noteAdded(String partId, String body, long at, Author admin) {
        ConversationPart part = ConversationPart.of(partId, PartType.NOTE, body, at, admin, null, state);
        return with(part, waitingSince, snoozedUntil, adminAssigneeId, teamAssigneeId, state);
    }

    /**
     * An admin changed the assignment.
     *
     * @param assignedTo the new assignee, or null when the conversation was unassigned
     */
    public Conversation assigned(String partId, String body, long at, Author admin, Long newAdminAssigneeId,
            Long newTeamAssigneeId, Reference assignedTo) {
        ConversationPart part = ConversationPart.of(partId, PartType.ASSIGNMENT, body, at, admin, assignedTo, state);
        return with(part, waitingSince, snoozedUntil, newAdminAssigneeId, newTeamAssigneeId, state);
    }

    public Conversation closed(String partId, String body, long at, Author admin) {
        ConversationPart part = ConversationPart.of(partId, PartType.CLOSE, body, at, admin, null,
                ConversationState.CLOSED);
        return with(part, waitingSince, null, adminAssigneeId, teamAssigneeId, ConversationState.CLOSED);
    }

    public Conversation opened(String partId, long at, Author admin) {
        ConversationPart part = ConversationPart.of(partId, PartType.OPEN, null, at, admin, null,
                ConversationState.OPEN);
        return with(part, waitingSince, null, adminAssigneeId, teamAssigneeId, ConversationState.OPEN);
    }

    public Conversation snoozed(String partId, long until, long at, Author admin) {
        ConversationPart part = ConversationPart.of(partId, PartType.SNOOZED, null, at, admin, null,
                ConversationState.SNOOZED);
        return with(part, waitingSince, until, adminAssigneeId, teamAssigneeId, ConversationState.SNOOZED);
    }

    private Conversation with(ConversationPart part, Long newWaitingSince, Long newSnoozedUntil,
            Long newAdminAssigneeId, Long newTeamAssigneeId, ConversationState newState) {
        List<ConversationPart> parts = new ArrayList<>(conversationParts.conversationParts());
        parts.add(part);
        return new Conversation(type, id, title, createdAt, part.createdAt(), newWaitingSince, newSnoozedUntil,
                source, contacts, firstContactReply, newAdminAssigneeId, newTeamAssigneeId,
                newState != ConversationState.CLOSED, newState, read, tags, customAttributes, aiAgentParticipated,
                ConversationParts.of(parts));
    }
}
