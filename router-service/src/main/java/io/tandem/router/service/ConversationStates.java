package io.tandem.router.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.contracts.ConversationEvent.Owner;
import io.tandem.router.ConversationState;
import io.tandem.router.persistence.ConversationRow;

/** Maps a conversation's row to its state and back; pending and transcript are JSON. */
@ApplicationScoped
public class ConversationStates {

    private static final TypeReference<List<ConversationState.Line>> LINES = new TypeReference<>() {
    };

    private final ObjectMapper objectMapper;

    public ConversationStates(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public ConversationState read(ConversationRow row) {
        try {
            return new ConversationState(row.appId(), row.conversationId(),
                    new Owner(row.ownerAdminId(), row.ownerTeamId()), row.humanOwner(), row.activeBranch(),
                    row.pending() == null ? null
                            : objectMapper.readValue(row.pending(), ConversationState.Pending.class),
                    row.transcript() == null ? List.of() : objectMapper.readValue(row.transcript(), LINES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored state of conversation " + row.conversationId()
                    + " is unreadable", e);
        }
    }

    /** The row of the state, written as the given version. */
    public ConversationRow write(ConversationState state, long version) {
        try {
            return new ConversationRow(state.appId(), state.conversationId(), state.owner().adminId(),
                    state.owner().teamId(), state.humanOwner(), state.activeBranch(),
                    state.pending() == null ? null : objectMapper.writeValueAsString(state.pending()),
                    objectMapper.writeValueAsString(state.transcript()), version);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the state of conversation " + state.conversationId()
                    + " cannot be written as JSON", e);
        }
    }
}
