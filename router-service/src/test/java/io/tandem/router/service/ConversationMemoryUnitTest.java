package io.tandem.router.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tandem.router.ConversationState;

/** What deciding keeps of conversations in memory, and what it forgets. */
class ConversationMemoryUnitTest {

    @Test
    void theLeastRecentlyUsedConversationIsForgottenBeyondTheCapacity() {
        ConversationMemory memory = new ConversationMemory(2);
        memory.remember(remembered("a", 0));
        memory.remember(remembered("b", 0));
        memory.recall("acme", "a");

        memory.remember(remembered("c", 0));

        assertThat(memory.recall("acme", "a")).isPresent();
        assertThat(memory.recall("acme", "b")).isEmpty();
        assertThat(memory.recall("acme", "c")).isPresent();
    }

    @Test
    void theConversationsOfARevokedPartitionAreForgotten() {
        ConversationMemory memory = new ConversationMemory(10);
        memory.remember(remembered("a", 0));
        memory.remember(remembered("b", 1));
        memory.remember(remembered("c", 2));

        memory.forgetPartitions(List.of(0, 2));

        assertThat(memory.recall("acme", "a")).isEmpty();
        assertThat(memory.recall("acme", "b")).hasValueSatisfying(kept -> assertThat(kept.version()).isEqualTo(3));
        assertThat(memory.recall("acme", "c")).isEmpty();
    }

    @Test
    void withoutCapacityNothingIsKept() {
        ConversationMemory memory = new ConversationMemory(0);

        memory.remember(remembered("a", 0));

        assertThat(memory.size()).isZero();
    }

    @Test
    void aConversationRemembersTheEventsDecidedOnItLatelyAndForgetsTheOldest() {
        ConversationMemory.Remembered conversation = remembered("a", 0);
        for (int event = 1; event <= ConversationMemory.RECENT_EVENTS + 1; event++) {
            conversation = conversation.after("event-" + event, conversation.state(), conversation.version() + 1);
        }

        assertThat(conversation.version()).isEqualTo(3 + ConversationMemory.RECENT_EVENTS + 1);
        assertThat(conversation.decidedLately("event-1")).isFalse();
        assertThat(conversation.decidedLately("event-2")).isTrue();
        assertThat(conversation.decidedLately("event-" + (ConversationMemory.RECENT_EVENTS + 1))).isTrue();
        assertThat(conversation.recentEvents()).hasSize(ConversationMemory.RECENT_EVENTS);
    }

    private static ConversationMemory.Remembered remembered(String conversationId, int partition) {
        return new ConversationMemory.Remembered(ConversationState.fresh("acme", conversationId), 3, partition);
    }
}
