package io.tandem.sandbox.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tandem.sandbox.Admin;
import io.tandem.sandbox.Author;
import io.tandem.sandbox.Contact;
import io.tandem.sandbox.Conversation;
import io.tandem.sandbox.ConversationSource;
import io.tandem.sandbox.InvalidParameterException;
import io.tandem.sandbox.PartAttachment;
import io.tandem.sandbox.PartMetadata;
import io.tandem.sandbox.PartType;
import io.tandem.sandbox.QuickReplyOption;
import io.tandem.sandbox.Reference;
import io.tandem.sandbox.WebhookTopic;

/**
 * Everything that happens in a conversation: what the customer writes (which Intercom announces by webhook) and
 * what teammates do through the REST API.
 */
@ApplicationScoped
public class ConversationService {

    /** Intercom's assignee id meaning "nobody". */
    static final String NOBODY = "0";

    private final ConversationStore store;
    private final IdSequence ids;
    private final ContactDirectory contacts;
    private final Workspace workspace;
    private final WebhookNotifier webhooks;

    ConversationService(ConversationStore store, IdSequence ids, ContactDirectory contacts, Workspace workspace,
            WebhookNotifier webhooks) {
        this.store = store;
        this.ids = ids;
        this.contacts = contacts;
        this.workspace = workspace;
        this.webhooks = webhooks;
    }

    public Conversation find(String conversationId) {
        return store.get(conversationId);
    }

    /** Every conversation, the one with the newest part first. */
    public List<Conversation> all() {
        return store.all().stream()
                .sorted(Comparator.comparingLong(Conversation::updatedAt).reversed()
                        .thenComparing(Comparator.comparingLong((Conversation c) -> Long.parseLong(c.id())).reversed()))
                .toList();
    }

    /**
     * The customer opens a conversation in the Messenger.
     *
     * @param email null for an anonymous visitor (a lead)
     */
    public Conversation start(String body, String email, String name) {
        Contact contact = contacts.contactFor(email, name);
        ConversationSource source = ConversationSource.fromCustomer(ids.next(), body, contact.asAuthor());
        Conversation conversation = Conversation.startedBy(ids.next(), contact, source, now());
        store.add(conversation);
        webhooks.announce(WebhookTopic.USER_CREATED, conversation);
        return conversation;
    }

    /** The customer writes again in the conversation. */
    public Conversation customerReplied(String conversationId, String body) {
        return customerReplied(conversationId, body, null);
    }

    /**
     * The customer clicks a button of an admin's quick reply: as in Intercom, that is the customer's comment with the
     * button's text, carrying the button's uuid in its metadata.
     */
    public Conversation quickReplyChosen(String conversationId, String uuid) {
        QuickReplyOption option = store.get(conversationId).quickReplyOption(uuid).orElseThrow(() ->
                InvalidParameterException.invalid("uuid", "uuid " + uuid + " is no quick-reply button of conversation "
                        + conversationId));
        return customerReplied(conversationId, option.text(), PartMetadata.clicked(option.uuid()));
    }

    private Conversation customerReplied(String conversationId, String body, PartMetadata metadata) {
        Conversation conversation = store.update(conversationId,
                c -> c.customerReplied(ids.next(), body, now(), metadata));
        webhooks.announce(WebhookTopic.USER_REPLIED, conversation.withOnlyParts(List.of(conversation.lastPart())));
        return conversation;
    }

    /** A reply on behalf of the contact through the REST API; exactly one of the three ids names the contact. */
    public Conversation contactReplied(String conversationId, String intercomUserId, String email, String userId,
            String body) {
        Author customer = store.get(conversationId).customer();
        if (intercomUserId != null && !intercomUserId.equals(customer.id())) {
            throw notAParticipant("intercom_user_id", conversationId);
        }
        if (email != null && !email.equalsIgnoreCase(customer.email())) {
            throw notAParticipant("email", conversationId);
        }
        if (userId != null) {
            // contacts the sandbox makes up never get an external id
            throw notAParticipant("user_id", conversationId);
        }
        return customerReplied(conversationId, body);
    }

    /**
     * @param messageType {@link PartType#COMMENT} or {@link PartType#QUICK_REPLY} (the customer sees it; the sandbox
     *                    keeps a quick reply's body, not its buttons) or {@link PartType#NOTE}
     */
    public Conversation adminReplied(String conversationId, PartType messageType, String adminId, String body) {
        return adminReplied(conversationId, messageType, adminId, body, List.of(), List.of());
    }

    /**
     * @param replyOptions   a quick reply's buttons (kept in the part's metadata; ignored for other types)
     * @param attachmentUrls files shown with a comment or quick reply (ignored for a note)
     */
    public Conversation adminReplied(String conversationId, PartType messageType, String adminId, String body,
            List<QuickReplyOption> replyOptions, List<String> attachmentUrls) {
        Author admin = adminNamed(adminId);
        if (isBlank(body)) {
            throw InvalidParameterException.missing("body");
        }
        List<PartAttachment> attachments = attachmentUrls == null ? List.of()
                : attachmentUrls.stream().map(PartAttachment::fromUrl).toList();
        PartMetadata metadata = messageType == PartType.QUICK_REPLY && replyOptions != null && !replyOptions.isEmpty()
                ? PartMetadata.buttons(replyOptions) : null;
        Conversation conversation = store.update(conversationId, c -> messageType == PartType.NOTE
                ? c.noteAdded(ids.next(), body, now(), admin)
                : c.adminCommented(ids.next(), messageType, body, now(), admin, attachments, metadata));
        return announced(messageType == PartType.NOTE ? WebhookTopic.ADMIN_NOTED : WebhookTopic.ADMIN_REPLIED,
                conversation);
    }

    /**
     * Assigns the conversation to an admin or a team, or unassigns it with assignee {@code "0"}.
     *
     * @param type {@code admin} or {@code team}; like Intercom, {@code admin} also takes a team's id
     */
    public Conversation assign(String conversationId, String adminId, String type, String assigneeId, String body) {
        Author admin = adminNamed(adminId);
        Reference assignee = assignee(type, assigneeId);
        return announced(WebhookTopic.ADMIN_ASSIGNED, store.update(conversationId, c -> c.assigned(ids.next(),
                blankToNull(body), now(), admin,
                "admin".equals(assignee.type()) ? idNumber(assignee.id()) : c.adminAssigneeId(),
                "team".equals(assignee.type()) ? idNumber(assignee.id()) : c.teamAssigneeId(),
                assignee.id() == null ? null : assignee)));
    }

    public Conversation close(String conversationId, String adminId, String body) {
        Author admin = adminNamed(adminId);
        return announced(WebhookTopic.ADMIN_CLOSED,
                store.update(conversationId, c -> c.closed(ids.next(), blankToNull(body), now(), admin)));
    }

    public Conversation open(String conversationId, String adminId) {
        Author admin = adminNamed(adminId);
        return announced(WebhookTopic.ADMIN_OPENED,
                store.update(conversationId, c -> c.opened(ids.next(), now(), admin)));
    }

    public Conversation snooze(String conversationId, String adminId, long snoozedUntil) {
        Author admin = adminNamed(adminId);
        return announced(WebhookTopic.ADMIN_SNOOZED,
                store.update(conversationId, c -> c.snoozed(ids.next(), snoozedUntil, now(), admin)));
    }

    /** Announces a teammate's action with the newest part only, as Intercom's webhooks carry it. */
    private Conversation announced(WebhookTopic topic, Conversation conversation) {
        webhooks.announce(topic, conversation.withOnlyParts(List.of(conversation.lastPart())));
        return conversation;
    }

    private Author adminNamed(String adminId) {
        return workspace.admin(adminId).map(Admin::asAuthor).orElseThrow(() -> InvalidParameterException.invalid(
                "admin_id", "admin_id " + adminId + " is not an admin of this workspace"));
    }

    /** @return the assignee's kind and id; a null id means nobody of that kind */
    private Reference assignee(String type, String assigneeId) {
        if (NOBODY.equals(assigneeId)) {
            return new Reference(type, null);
        }
        if ("admin".equals(type) && workspace.admin(assigneeId).isPresent()) {
            return new Reference("admin", assigneeId);
        }
        if (workspace.team(assigneeId).isPresent()) {
            return new Reference("team", assigneeId);
        }
        throw InvalidParameterException.invalid("assignee_id",
                "assignee_id " + assigneeId + " is no " + ("team".equals(type) ? "team" : "admin or team")
                        + " of this workspace");
    }

    private static InvalidParameterException notAParticipant(String field, String conversationId) {
        return InvalidParameterException.invalid(field,
                field + " does not name the contact of conversation " + conversationId);
    }

    private static Long idNumber(String id) {
        return id == null ? null : Long.valueOf(id);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return isBlank(text) ? null : text;
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
