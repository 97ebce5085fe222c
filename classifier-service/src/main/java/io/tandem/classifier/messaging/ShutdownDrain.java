package io.tandem.classifier.messaging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * Lets the events being classified finish when the service stops. Quarkus closes Hibernate right after the
 * {@link ShutdownEvent}, while records already fetched are still being classified; those would fail and go to the
 * dead letter topic instead of being classified by the partition's next owner. So, on shutdown, the consumers of
 * {@value MessageClassifier#EVENTS_IN} stop fetching and the shutdown waits until no event has been in flight for
 * {@link #QUIET} (the records already fetched are classified meanwhile), at most {@link #TIMEOUT}.
 */
@ApplicationScoped
public class ShutdownDrain {

    static final Duration QUIET = Duration.ofMillis(300);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(ShutdownDrain.class);

    private final KafkaClientService kafkaClients;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());

    @Inject
    public ShutdownDrain(KafkaClientService kafkaClients) {
        this.kafkaClients = kafkaClients;
    }

    /** An event is being classified. */
    public void started() {
        inFlight.incrementAndGet();
        lastActivity.set(System.nanoTime());
    }

    /** The event is classified, its transaction ended. */
    public void finished() {
        inFlight.decrementAndGet();
        lastActivity.set(System.nanoTime());
    }

    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        kafkaClients.getConsumerChannels().stream()
                .filter(channel -> channel.equals(MessageClassifier.EVENTS_IN)
                        || channel.startsWith(MessageClassifier.EVENTS_IN + "$"))
                .flatMap(channel -> kafkaClients.getConsumers(channel).stream())
                .forEach(consumer -> {
                    try {
                        consumer.pause().await().atMost(Duration.ofSeconds(2));
                    } catch (RuntimeException e) {
                        LOG.debugf("a consumer could not be paused: %s", e.getMessage());
                    }
                });
        if (!awaitDrained(QUIET, TIMEOUT)) {
            LOG.warnf("stopping with %d event(s) still being classified after %d s: they fail and are dead-lettered",
                    inFlight.get(), TIMEOUT.toSeconds());
        }
    }

    /** Waits until no event has been in flight for {@code quiet}; false when {@code timeout} passed first. */
    boolean awaitDrained(Duration quiet, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (inFlight.get() == 0 && System.nanoTime() - lastActivity.get() >= quiet.toNanos()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
