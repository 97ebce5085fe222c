package io.tandem.router.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.tandem.contracts.ActionDecided;

/**
 * While Kafka acknowledges nothing, actions wait for room before the emitter rather than overflow it: an emitter
 * refuses what exceeds its buffer and the sink's unacknowledged records at once, and those actions would be lost.
 */
class ActionPublisherTest {

    /** An emitter in front of a Kafka that takes records but acknowledges none until told to. */
    private final StalledKafka kafka = new StalledKafka();

    @Test
    void whileKafkaAcknowledgesNothingNoMoreThanTheLimitIsOnItsWayAndTheRestWaits() throws Exception {
        ActionPublisher publisher = new ActionPublisher(kafka, new SimpleMeterRegistry(), Duration.ofSeconds(30));
        List<CompletableFuture<Void>> sent = new CopyOnWriteArrayList<>();
        Thread consumer = new Thread(() -> {
            for (int i = 0; i < ActionPublisher.MAX_IN_FLIGHT + 10; i++) {
                sent.add(publisher.send(List.of(reply())));
            }
        });
        consumer.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> kafka.taken.size() == ActionPublisher.MAX_IN_FLIGHT);
        await().during(Duration.ofMillis(300)).until(() -> kafka.taken.size() == ActionPublisher.MAX_IN_FLIGHT);
        assertThat(consumer.isAlive()).as("the consumer waits for room").isTrue();

        kafka.acknowledgeAll();

        consumer.join(10_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> kafka.taken.size() == ActionPublisher.MAX_IN_FLIGHT + 10);
        kafka.acknowledgeAll();
        for (CompletableFuture<Void> one : sent) {
            one.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anActionThatFindsNoRoomInTimeFailsAndLeavesTheOthersTheirPlace() throws Exception {
        ActionPublisher publisher = new ActionPublisher(kafka, new SimpleMeterRegistry(), Duration.ofMillis(200));
        for (int i = 0; i < ActionPublisher.MAX_IN_FLIGHT; i++) {
            publisher.send(List.of(reply()));
        }

        CompletableFuture<Void> late = publisher.send(List.of(reply()));

        assertThat(late).isCompletedExceptionally();
        assertThat(kafka.taken).hasSize(ActionPublisher.MAX_IN_FLIGHT);
        kafka.acknowledgeAll();
        CompletableFuture<Void> next = publisher.send(List.of(reply()));
        kafka.acknowledgeAll();
        next.get(10, TimeUnit.SECONDS);
    }

    private static ActionDecided reply() {
        return new ActionDecided(ActionDecided.SCHEMA_VERSION, UUID.randomUUID().toString(), "e-1", "acme",
                "conv-1", Instant.now(), 0, 1, ActionDecided.Type.REPLY, "991", List.of(), null, null, "test");
    }

    private static final class StalledKafka implements MutinyEmitter<ActionDecided> {

        final List<CompletableFuture<Void>> taken = new CopyOnWriteArrayList<>();
        private int acknowledged;

        synchronized void acknowledgeAll() {
            List<CompletableFuture<Void>> pending = new ArrayList<>(taken.subList(acknowledged, taken.size()));
            acknowledged = taken.size();
            pending.forEach(record -> record.complete(null));
        }

        @Override
        public <M extends Message<? extends ActionDecided>> Uni<Void> sendMessage(M message) {
            CompletableFuture<Void> acknowledgement = new CompletableFuture<>();
            return Uni.createFrom().deferred(() -> {
                taken.add(acknowledgement);
                return Uni.createFrom().completionStage(acknowledgement);
            });
        }

        @Override
        public Uni<Void> send(ActionDecided payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendAndAwait(ActionDecided payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Cancellable sendAndForget(ActionDecided payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends ActionDecided>> void send(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends ActionDecided>> void sendMessageAndAwait(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends ActionDecided>> Cancellable sendMessageAndForget(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
