package io.tandem.classifier.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
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
import io.tandem.contracts.ConversationMessageReceived;
import io.tandem.contracts.MessageClassified;

/**
 * Classifies a customer message with its app's active skill, carrying the conversation's context from turn to
 * turn.
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
     * Classifies the message and stores the updated context, recording the event as processed in the caller's
     * transaction. An app without a skill gets an empty classification (no intents, no output).
     *
     * @return empty when the event was processed before
     * @throws IllegalArgumentException when the event lacks what classification needs
     */
    @Transactional(TxType.MANDATORY)
    public Optional<MessageClassified> classify(ConversationMessageReceived event) {
        requireComplete(event);
        Instant now = Instant.now();
        if (!processedEvents.markProcessed(event.eventId(), now)) {
            return Optional.empty();
        }
        String text = event.text() == null ? "" : event.text();
        Optional<ActiveSkill> skill = skills.active(event.appId());
        if (skill.isEmpty()) {
            return Optional.of(classified(event, now, null, text, null));
        }
        ConversationContextEntity conversation = contexts.findForUpdate(event.appId(), event.conversationId())
                .orElseGet(() -> newConversation(event));
        SkillResponse response = skill.get().skill().respond(text, read(conversation.context),
                conversation.turnCount == 0, now.atZone(ZoneOffset.UTC));
        conversation.context = write(response.context());
        conversation.turnCount++;
        conversation.updatedAt = now;
        if (conversation.id == null) {
            contexts.persist(conversation);
        }
        return Optional.of(classified(event, now, Integer.toString(skill.get().version()), text, response));
    }

    private static MessageClassified classified(ConversationMessageReceived event, Instant now, String skillVersion,
            String text, SkillResponse response) {
        return new MessageClassified(
                MessageClassified.SCHEMA_VERSION,
                MessageClassified.idFor(event.eventId()),
                event.eventId(),
                event.appId(),
                event.conversationId(),
                now,
                skillVersion,
                text,
                response == null ? List.of() : response.intents(),
                response == null ? List.of() : response.entities(),
                response == null ? List.of() : response.turn().nodesVisited(),
                response == null ? List.of() : response.turn().output(),
                response == null ? Map.of() : response.context());
    }

    private static void requireComplete(ConversationMessageReceived event) {
        if (isBlank(event.eventId()) || isBlank(event.appId()) || isBlank(event.conversationId())) {
            throw new IllegalArgumentException("ConversationMessageReceived without eventId, appId or conversationId");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static ConversationContextEntity newConversation(ConversationMessageReceived event) {
        ConversationContextEntity conversation = new ConversationContextEntity();
        conversation.appId = event.appId();
        conversation.conversationId = event.conversationId();
        conversation.context = "{}";
        return conversation;
    }

    private Map<String, Object> read(String context) {
        try {
            return objectMapper.readValue(context, CONTEXT_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conversation context is not a JSON object", e);
        }
    }

    private String write(Map<String, Object> context) {
        try {
            return objectMapper.writeValueAsString(context);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("context variables cannot be written as JSON", e);
        }
    }
}
