package io.tandem.classifier.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.classifier.persistence.ConversationContextEntity;
import io.tandem.classifier.persistence.ConversationContextRepository;
import io.tandem.classifier.persistence.ProcessedEventRepository;
import io.tandem.classifier.service.dialog.DialogState;
import io.tandem.classifier.service.dialog.DialogTurn;
import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.MessageClassified;
import io.tandem.contracts.MessageClassified.Classification;

/**
 * Turns conversation events into {@link MessageClassified}s: a customer's message is classified with its app's
 * active skill, carrying the conversation's context and dialog state from turn to turn; every other event
 * (assignments, closes, teammates' and Tandem's own parts) is passed on without a classification.
 */
@ApplicationScoped
public class ClassificationService {

    private static final TypeReference<LinkedHashMap<String, Object>> CONTEXT_TYPE = new TypeReference<>() {
    };

    private final ProcessedEventRepository processedEvents;
    private final ConversationContextRepository contexts;
    private final SkillRegistry skills;
    private final ObjectMapper objectMapper;

    ClassificationService(ProcessedEventRepository processedEvents, ConversationContextRepository contexts,
            SkillRegistry skills, ObjectMapper objectMapper) {
        this.processedEvents = processedEvents;
        this.contexts = contexts;
        this.skills = skills;
        this.objectMapper = objectMapper;
    }

    /**
     * Classifies the event (when it carries a customer's message) and stores the conversation's new context and
     * dialog state, recording the event as processed in the caller's transaction. An app without a skill gets no
     * classification.
     *
     * @return empty when the event was processed before
     * @throws IllegalArgumentException when the event lacks what classification needs
     */
    @Transactional(TxType.MANDATORY)
    public Optional<MessageClassified> classify(ConversationEvent event) {
        requireComplete(event);
        Instant now = Instant.now();
        if (!processedEvents.markProcessed(event.eventId(), now)) {
            return Optional.empty();
        }
        if (!event.carriesCustomerMessage()) {
            return Optional.of(classified(event, now, null));
        }
        Optional<ActiveSkill> skill = skills.active(event.appId());
        if (skill.isEmpty()) {
            return Optional.of(classified(event, now, null));
        }
        String text = event.part().text();
        ConversationContextEntity conversation = contexts.findForUpdate(event.appId(), event.conversationId())
                .orElseGet(() -> newConversation(event));
        // the event's own time, not the clock, so processing it again evaluates now() the same way
        Instant at = event.occurredAt() == null ? now : event.occurredAt();
        SkillResponse response = skill.get().skill().respond(text, read(conversation.context),
                readState(conversation.dialogState), conversation.turnCount == 0, at.atZone(ZoneOffset.UTC),
                event.eventId());
        conversation.context = write(response.context());
        conversation.dialogState = write(response.turn().state());
        conversation.turnCount++;
        conversation.updatedAt = now;
        if (conversation.id == null) {
            contexts.persist(conversation);
        }
        return Optional.of(classified(event, now,
                classification(Integer.toString(skill.get().version()), text, response)));
    }

    /** The classification a skill's response amounts to. */
    public static Classification classification(String skillVersion, String text, SkillResponse response) {
        DialogTurn turn = response.turn();
        return new Classification(skillVersion, text, response.intents(), response.entities(),
                turn.matchedRootNodes(), turn.nodesVisited(), turn.branch(), turn.continuedBranch(),
                turn.awaitingInput(), turn.responses(), turn.connectToAgent(), turn.goal(), response.context());
    }

    private static MessageClassified classified(ConversationEvent event, Instant now, Classification classification) {
        return new MessageClassified(
                MessageClassified.SCHEMA_VERSION,
                MessageClassified.idFor(event.eventId()),
                event.eventId(),
                event.appId(),
                event.conversationId(),
                now,
                event,
                classification);
    }

    private static void requireComplete(ConversationEvent event) {
        if (isBlank(event.eventId()) || isBlank(event.appId()) || isBlank(event.conversationId())
                || event.kind() == null) {
            throw new IllegalArgumentException("ConversationEvent without eventId, appId, conversationId or kind");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static ConversationContextEntity newConversation(ConversationEvent event) {
        ConversationContextEntity conversation = new ConversationContextEntity();
        conversation.appId = event.appId();
        conversation.conversationId = event.conversationId();
        conversation.context = "{}";
        conversation.dialogState = "{}";
        return conversation;
    }

    private Map<String, Object> read(String context) {
        try {
            return objectMapper.readValue(context, CONTEXT_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conversation context is not a JSON object", e);
        }
    }

    private DialogState readState(String state) {
        try {
            return state == null || state.isBlank() || "{}".equals(state.strip()) ? DialogState.INITIAL
                    : objectMapper.readValue(state, DialogState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored dialog state cannot be read", e);
        }
    }

    private String write(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("context or dialog state cannot be written as JSON", e);
        }
    }
}
