package io.tandem.router.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.contracts.ConversationEvent.Owner;
import io.tandem.router.ConversationState;
import io.tandem.router.persistence.ConversationEntity;

/** Maps a conversation's row to its state and back; pending and transcript are JSON. */
@ApplicationScoped
public class ConversationStates {

    private static final TypeReference<List<ConversationState.Line>> LINES = new TypeReference<>() {
    };

    private final ObjectMapper objectMapper;

    public ConversationStates(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public ConversationState read(ConversationEntity entity) {
        try {
            return new ConversationState(entity.appId, entity.conversationId,
                    new Owner(entity.ownerAdminId, entity.ownerTeamId), entity.humanOwner, entity.activeBranch,
                    entity.pending == null ? null
                            : objectMapper.readValue(entity.pending, ConversationState.Pending.class),
                    objectMapper.readValue(entity.transcript, LINES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored state of conversation " + entity.conversationId
                    + " is unreadable", e);
        }
    }

    public void write(ConversationState state, ConversationEntity entity) {
        try {
            entity.ownerAdminId = state.owner().adminId();
            entity.ownerTeamId = state.owner().teamId();
            entity.humanOwner = state.humanOwner();
            entity.activeBranch = state.activeBranch();
            entity.pending = state.pending() == null ? null : objectMapper.writeValueAsString(state.pending());
            entity.transcript = objectMapper.writeValueAsString(state.transcript());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the state of conversation " + state.conversationId()
                    + " cannot be written as JSON", e);
        }
    }
}
