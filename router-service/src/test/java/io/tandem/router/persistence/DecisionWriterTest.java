package io.tandem.router.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.router.client.StandIns;
import io.tandem.router.persistence.DecisionLog.Written;
import io.tandem.testsupport.TandemInfraResource;

/** Decisions stored behind deciding: in order, once sent, in batches, and what a failure does to them. */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class DecisionWriterTest {

    static final String APP = "writer-test";
    static final Instant DECIDED_AT = Instant.parse("2026-03-10T09:00:00Z");

    @Inject
    DecisionWriter writer;

    @Inject
    DecisionRepository decisions;

    @Inject
    EntityManager entityManager;

    @Test
    void aDecisionIsStoredOnlyOnceItsActionsWereSentAndNotesWhen() throws Exception {
        String conversation = conversation();
        CompletableFuture<Instant> sent = new CompletableFuture<>();

        CompletableFuture<Written> stored = writer.store(decision(conversation, "[{\"n\":1}]"),
                state(conversation, 1), sent);

        Thread.sleep(300);
        assertThat(stored).isNotDone();
        assertThat(find(conversation)).isEmpty();
        Instant sentAt = Instant.parse("2026-03-10T09:00:01Z");
        sent.complete(sentAt);
        assertThat(stored.get(10, TimeUnit.SECONDS)).isEqualTo(Written.STORED);
        assertThat(find(conversation)).singleElement()
                .satisfies(row -> assertThat(row.emittedAt).isEqualTo(sentAt));
    }

    @Test
    void theDecisionsOfAConversationAreStoredInTheOrderTheyWereDecided() throws Exception {
        String conversation = conversation();
        List<CompletableFuture<Written>> stored = List.of(
                writer.store(decision(conversation, "[]"), state(conversation, 1), sentNow()),
                writer.store(decision(conversation, "[]"), state(conversation, 2), sentNow()),
                writer.store(decision(conversation, "[]"), state(conversation, 3), sentNow()));

        for (CompletableFuture<Written> one : stored) {
            assertThat(one.get(10, TimeUnit.SECONDS)).isEqualTo(Written.STORED);
        }
        assertThat(find(conversation)).hasSize(3);
        assertThat(version(conversation)).isEqualTo(3L);
    }

    @Test
    void aDecisionWhoseActionsKafkaRefusedIsNotStored() {
        String conversation = conversation();
        IllegalStateException refused = new IllegalStateException("Kafka refused the actions");

        CompletableFuture<Written> stored = writer.store(decision(conversation, "[{\"n\":1}]"),
                state(conversation, 1), CompletableFuture.failedFuture(refused));

        assertThatThrownBy(() -> stored.get(10, TimeUnit.SECONDS)).hasCause(refused);
        writer.flush();
        assertThat(find(conversation)).isEmpty();
    }

    @Test
    void aDecisionOnAConversationAnotherWriterChangedIsStoredAlone() throws Exception {
        String conversation = conversation();
        writer.store(decision(conversation, "[]"), state(conversation, 1), sentNow()).get(10, TimeUnit.SECONDS);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE router.conversation SET version = 2, human_owner = 'elsewhere' WHERE conversation_id = :id")
                .setParameter("id", conversation).executeUpdate());

        Written written = writer.store(decision(conversation, "[]"), state(conversation, 2), sentNow())
                .get(10, TimeUnit.SECONDS);

        assertThat(written).isEqualTo(Written.STALE_CONVERSATION);
        assertThat(find(conversation)).hasSize(2);
        assertThat(version(conversation)).isEqualTo(2L);
    }

    @Test
    void aDecisionPostgresqlRefusesFailsAloneAndTheOthersOfItsBatchAreStored() throws Exception {
        String good = conversation();
        String broken = conversation();
        CompletableFuture<Instant> together = new CompletableFuture<>();
        CompletableFuture<Written> first = writer.store(decision(good, "[]"), state(good, 1), together);
        CompletableFuture<Written> refused = writer.store(decision(broken, "not json"), state(broken, 1), together);
        CompletableFuture<Written> last = writer.store(decision(good, "[]"), state(good, 2), together);

        together.complete(Instant.now());

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(Written.STORED);
        assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo(Written.STORED);
        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreFailure.class)
                .hasMessageContaining("json");
        assertThat(find(good)).hasSize(2);
        assertThat(find(broken)).isEmpty();
    }

    @Test
    void flushingWaitsForEveryDecisionHandedOverBefore() {
        String conversation = conversation();
        CompletableFuture<Instant> sent = new CompletableFuture<>();
        CompletableFuture<Written> stored = writer.store(decision(conversation, "[]"), state(conversation, 1), sent);
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() -> sent.complete(Instant.now()));

        writer.flush();

        assertThat(stored).isCompletedWithValue(Written.STORED);
        assertThat(find(conversation)).hasSize(1);
    }

    @Test
    void aDuplicateOfAStoredDecisionStoresNothing() throws Exception {
        String conversation = conversation();
        DecisionRow decision = decision(conversation, "[]");
        writer.store(decision, state(conversation, 1), sentNow()).get(10, TimeUnit.SECONDS);

        Written again = writer.store(decision, state(conversation, 2), sentNow()).get(10, TimeUnit.SECONDS);

        assertThat(again).isEqualTo(Written.DUPLICATE);
        assertThat(version(conversation)).isEqualTo(1L);
    }

    private static CompletableFuture<Instant> sentNow() {
        return CompletableFuture.completedFuture(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private static DecisionRow decision(String conversation, String actions) {
        return new DecisionRow("classified-" + UUID.randomUUID(), APP, conversation, "CUSTOMER_REPLIED", "ANSWERED",
                "a test decision", "default", "Opening hours", 0.9, "unassigned", null, actions, DECIDED_AT, null);
    }

    private static ConversationRow state(String conversation, long version) {
        return new ConversationRow(APP, conversation, null, null, null, null, null, "[]", version);
    }

    private List<DecisionEntity> find(String conversation) {
        return QuarkusTransaction.requiringNew().call(() -> decisions.list("conversationId", conversation));
    }

    private Long version(String conversation) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT version FROM router.conversation WHERE conversation_id = :id")
                .setParameter("id", conversation).getSingleResult()).longValue());
    }

    private static String conversation() {
        return "writer-" + UUID.randomUUID();
    }
}
