package io.tandem.ingest;

import java.util.Optional;
import java.util.Set;

import io.tandem.contracts.ConversationEvent.Kind;

/**
 * The Intercom webhook topics Tandem acts on; every other topic is acknowledged and ignored.
 *
 * <p>Each topic says which of the notification's new parts it is about (a webhook's {@code conversation_parts}
 * hold only the new parts, which may include an automatic bot part): parts of these {@code part_type}s or written by
 * these author types, the newest of them; the newest part of all when none matches.
 */
public enum IntercomTopic {

    CONVERSATION_USER_CREATED("conversation.user.created", Kind.CONVERSATION_STARTED, PartRule.OPENING_MESSAGE),
    CONVERSATION_USER_REPLIED("conversation.user.replied", Kind.CUSTOMER_REPLIED,
            PartRule.required(Set.of(), Set.of("user", "lead", "contact"))),
    CONVERSATION_ADMIN_ASSIGNED("conversation.admin.assigned", Kind.ASSIGNED,
            PartRule.optional(Set.of("assignment", "default_assignment", "assign_and_reopen", "assign_and_unsnooze",
                    "away_mode_assignment"), Set.of())),
    CONVERSATION_ADMIN_REPLIED("conversation.admin.replied", Kind.ADMIN_REPLIED,
            PartRule.required(Set.of("comment"), Set.of("admin"))),
    CONVERSATION_ADMIN_NOTED("conversation.admin.noted", Kind.ADMIN_NOTED,
            PartRule.required(Set.of("note", "note_and_reopen"), Set.of())),
    CONVERSATION_ADMIN_CLOSED("conversation.admin.closed", Kind.CLOSED, PartRule.optional(Set.of("close"), Set.of())),
    CONVERSATION_ADMIN_OPENED("conversation.admin.opened", Kind.OPENED, PartRule.optional(Set.of("open"), Set.of())),
    CONVERSATION_ADMIN_SNOOZED("conversation.admin.snoozed", Kind.SNOOZED,
            PartRule.optional(Set.of("snoozed"), Set.of())),
    CONVERSATION_OPERATOR_REPLIED("conversation.operator.replied", Kind.OPERATOR_REPLIED,
            PartRule.required(Set.of(), Set.of("bot")));

    /** Intercom's test notification, sent when a webhook subscription is saved. */
    public static final String PING = "ping";

    private final String topic;
    private final Kind kind;
    private final PartRule partRule;

    IntercomTopic(String topic, Kind kind, PartRule partRule) {
        this.topic = topic;
        this.kind = kind;
        this.partRule = partRule;
    }

    public String topic() {
        return topic;
    }

    /** What happened in the conversation, as Tandem names it. */
    public Kind kind() {
        return kind;
    }

    /** Which part of the notification the event is about. */
    public PartRule partRule() {
        return partRule;
    }

    public static Optional<IntercomTopic> of(String topic) {
        for (IntercomTopic candidate : values()) {
            if (candidate.topic.equals(topic)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * @param openingMessage whether the part is the conversation's opening message ({@code source}) rather than one of
     *                       the new conversation parts
     * @param required       whether a notification of this topic without a part is malformed
     * @param partTypes      preferred {@code part_type}s (empty: any)
     * @param authorTypes    preferred author types (empty: any)
     */
    public record PartRule(boolean openingMessage, boolean required, Set<String> partTypes, Set<String> authorTypes) {

        static final PartRule OPENING_MESSAGE = new PartRule(true, true, Set.of(), Set.of());

        static PartRule required(Set<String> partTypes, Set<String> authorTypes) {
            return new PartRule(false, true, partTypes, authorTypes);
        }

        static PartRule optional(Set<String> partTypes, Set<String> authorTypes) {
            return new PartRule(false, false, partTypes, authorTypes);
        }

        /** Whether a part of this type by this author is what the topic is about. */
        public boolean prefers(String partType, String authorType) {
            return (partTypes.isEmpty() || partTypes.contains(partType))
                    && (authorTypes.isEmpty() || authorTypes.contains(authorType));
        }
    }
}
