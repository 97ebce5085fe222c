package io.tandem.router.messaging;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.tandem.contracts.MessageClassified;
import io.tandem.router.Decision;
import io.tandem.router.persistence.NotStored;
import io.tandem.router.service.DecidingBuckets;
import io.tandem.router.service.DecisionService;

/**
 * Consumes MessageClassified from {@code conversation.classified}, decides once per event and emits the actions.
 *
 * <p>Deciding reads nothing from PostgreSQL in the common case ({@link DecisionService}): the actions go to the Kafka
 * producer at once, the decision is stored behind ({@code DecisionWriter}, in group-committed batches, once Kafka took
 * the actions), and the record is acknowledged only once its decision is stored. The next record does not wait for
 * that: acknowledgements may come out of order, and the consumer commits the offsets up to the oldest record still
 * waiting (the throttled commit strategy). A crash before the decision is stored redelivers the record: the next
 * owner of the partition finds it undecided and decides again, with the same action ids, which responder-service
 * performs once. A failure (an unreadable record, Kafka refusing the actions, a decision PostgreSQL refuses for good)
 * nacks the record into the dead letter topic.
 *
 * <p>Deciding, as {@value #DECIDING_TIMER} measures it, spans from this consumer receiving the deserialized record
 * to the ActionDecided records handed to the Kafka producer: checking the record, the conversation's state, the
 * workspace's settings and the rules. Storing the decision is timed on its own ({@code DecisionWriter.STORING_TIMER}).
 */
@ApplicationScoped
public class ClassifiedMessageConsumer {

    public static final String CLASSIFIED_IN = "classified-in";
    /** Timer of deciding, with p50/p99 and buckets at /q/metrics. */
    public static final String DECIDING_TIMER = "tandem.router.deciding";
    /** The CPU time of the same, which tells the work apart from waiting for a busy machine's cores. */
    public static final String DECIDING_CPU_TIMER = "tandem.router.deciding.cpu";
    static final String CLOUD_EVENT_TYPE = "ce_type";
    static final String EXPECTED_TYPE = "io.tandem.MessageClassified.v" + MessageClassified.SCHEMA_VERSION;

    private static final Logger LOG = Logger.getLogger(ClassifiedMessageConsumer.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final CompletableFuture<Void> NEXT = CompletableFuture.completedFuture(null);

    private final DecisionService decisions;
    private final ActionPublisher publisher;
    private final Timer deciding;
    private final Timer decidingCpu;

    public ClassifiedMessageConsumer(DecisionService decisions, ActionPublisher publisher, MeterRegistry registry) {
        this.decisions = decisions;
        this.publisher = publisher;
        this.deciding = DecidingBuckets.timer(DECIDING_TIMER, "time from receiving a classified event to its actions "
                + "handed to the Kafka producer (the decision is stored behind)", registry);
        this.decidingCpu = DecidingBuckets.timer(DECIDING_CPU_TIMER, "CPU time of this thread deciding on one "
                + "classified event", registry);
    }

    /**
     * @return completes at once, so that the next record is decided without waiting for this one's decision to be
     *         stored; the record itself is acknowledged (or nacked) once it is
     */
    @Incoming(CLASSIFIED_IN)
    @Blocking
    public CompletionStage<Void> onClassified(Message<MessageClassified> record) {
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        MessageClassified message = record.getPayload();
        try {
            IncomingKafkaRecordMetadata<?, ?> metadata = record.getMetadata(IncomingKafkaRecordMetadata.class)
                    .orElseThrow(() -> new IllegalArgumentException("a record without Kafka metadata"));
            requireMessageClassified(message, metadata);
            // every log line about this message names it (trace ids come from OpenTelemetry)
            MDC.put("appId", message.appId());
            MDC.put("conversationId", message.conversationId());
            DecisionService.Decided decided = decisions.decide(message, metadata.getPartition());
            switch (decided.verdict()) {
                case DECIDED -> {
                    Decision decision = decided.decision();
                    CompletableFuture<Instant> sent = decision.actions().isEmpty()
                            ? CompletableFuture.completedFuture(Instant.now())
                            : publisher.send(decision.actions()).thenApply(ignored -> Instant.now());
                    record(start, cpuStart);
                    decisions.store(decided, sent).whenComplete((written, failure) -> settle(record, failure));
                    if (decision.actions().isEmpty()) {
                        LOG.debugf("nothing to send for event %s: %s", message.eventId(), decision.reason());
                    } else {
                        LOG.infof("%s with %d action(s) in conversation %s (event %s): %s", decision.outcome(),
                                decision.actions().size(), message.conversationId(), message.eventId(),
                                decision.reason());
                    }
                    return NEXT;
                }
                case SEND_AGAIN -> {
                    Decision decision = decided.decision();
                    CompletableFuture<Void> sent = publisher.send(decision.actions());
                    record(start, cpuStart);
                    sent.join();
                    decisions.markEmitted(decision);
                    LOG.infof("event %s was decided before and its %d action(s) not noted as sent: sent again with "
                            + "the same ids", message.eventId(), decision.actions().size());
                    return record.ack();
                }
                default -> {
                    LOG.debugf("event %s was decided and sent before: nothing to do", message.eventId());
                    return record.ack();
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf("event at %s goes to the dead letter topic: %s", position(record), e.getMessage());
            return record.nack(e);
        }
    }

    private void record(long start, long cpuStart) {
        decidingCpu.record(THREADS.getCurrentThreadCpuTime() - cpuStart, TimeUnit.NANOSECONDS);
        deciding.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /** Acknowledges a record once its decision is stored; leaves it to redelivery when the service stopped first. */
    private static void settle(Message<MessageClassified> record, Throwable failure) {
        if (failure == null) {
            record.ack();
        } else if (failure instanceof NotStored || failure.getCause() instanceof NotStored) {
            LOG.warnf("event at %s is left unacknowledged: %s", position(record), failure.getMessage());
        } else {
            LOG.errorf("event at %s goes to the dead letter topic: %s", position(record), failure.getMessage());
            record.nack(failure);
        }
    }

    private static String position(Message<?> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).map(ClassifiedMessageConsumer::position)
                .orElse("(unknown position)");
    }

    private static String position(IncomingKafkaRecordMetadata<?, ?> record) {
        return record.getTopic() + "-" + record.getPartition() + "@" + record.getOffset();
    }

    /** Rejects what is not a MessageClassified (unreadable JSON, another event type) into the dead letter topic. */
    private static void requireMessageClassified(MessageClassified message, IncomingKafkaRecordMetadata<?, ?> record) {
        String position = position(record);
        Header typeHeader = record.getHeaders().lastHeader(CLOUD_EVENT_TYPE);
        String type = typeHeader == null ? null : new String(typeHeader.value(), StandardCharsets.UTF_8);
        if (type != null && !EXPECTED_TYPE.equals(type)) {
            throw new IllegalArgumentException("record at " + position + " has unexpected event type " + type);
        }
        if (message == null || message.eventId() == null || message.appId() == null
                || message.conversationId() == null || message.event() == null || message.event().kind() == null) {
            throw new IllegalArgumentException("record at " + position
                    + " is not a MessageClassified with eventId, appId, conversationId and the event's kind");
        }
    }
}
