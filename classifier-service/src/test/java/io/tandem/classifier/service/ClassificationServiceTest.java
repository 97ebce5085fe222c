package io.tandem.classifier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.classifier.AdminApi;
import io.tandem.classifier.Pipeline;
import io.tandem.contracts.ConversationEvent;
import io.tandem.contracts.MessageClassified;
import io.tandem.contracts.MessageClassified.Classification;
import io.tandem.testsupport.TandemInfraResource;

/**
 * Processing an event again after its transaction failed (the classification may already be on Kafka) gives the
 * same classification; once committed, the event is never processed again.
 */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
class ClassificationServiceTest {

    @Inject
    ClassificationService classifications;

    @Test
    void anEventProcessedAgainAfterARollbackGetsTheSameAnswerAndAdvancesTheDialogOnce() {
        String appId = "app-" + UUID.randomUUID();
        AdminApi.putSkill(appId, """
                {"name": "random",
                 "intents": [{"intent": "hello", "examples": [{"text": "hello"}, {"text": "hi there"}]}],
                 "dialog_nodes": [{"dialog_node": "hello", "conditions": "#hello",
                   "context": {"hellos": "<? ($hellos ?: 0) + 1 ?>"},
                   "output": {"text": {"selection_policy": "random",
                     "values": ["One", "Two", "Three", "Four", "Five", "Six"]}}}]}
                """, 1);
        String conversation = Pipeline.newConversation();
        ConversationEvent first = Pipeline.message(appId, conversation, "hello");

        AtomicReference<Classification> sentBeforeTheFailure = new AtomicReference<>();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            sentBeforeTheFailure.set(classifications.classify(first).orElseThrow().classification());
            throw new IllegalStateException("the commit fails");
        })).hasMessageContaining("the commit fails");
        Classification rolledBack = sentBeforeTheFailure.get();
        MessageClassified committed = QuarkusTransaction.requiringNew()
                .call(() -> classifications.classify(first)).orElseThrow();
        Optional<MessageClassified> again = QuarkusTransaction.requiringNew()
                .call(() -> classifications.classify(first));

        assertThat(committed.eventId()).isEqualTo(MessageClassified.idFor(first.eventId()));
        assertThat(committed.classification().responses()).isEqualTo(rolledBack.responses());
        assertThat(committed.classification().context()).isEqualTo(rolledBack.context());
        assertThat(committed.classification().context().get("hellos").toString()).isEqualTo("1");
        assertThat(again).isEmpty();

        Classification next = QuarkusTransaction.requiringNew()
                .call(() -> classifications.classify(Pipeline.message(appId, conversation, "hi there")))
                .orElseThrow().classification();
        assertThat(next.context().get("hellos").toString()).isEqualTo("2");
        assertThat(next.responses()).isNotEqualTo(committed.classification().responses());
    }
}
