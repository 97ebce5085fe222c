package io.tandem.router.messaging;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.tandem.contracts.MessageClassified;
import io.tandem.router.Decision;
import io.tandem.router.service.DecidingBuckets;
import io.tandem.router.service.DecisionService;

/**
 * Consumes MessageClassified from {@code conversation.classified}, decides once per event and emits the actions.
 *
 * <p>The actions are sent before the record is acknowledged: if the service dies after the decision committed
 * but before Kafka took the actions, the record is redelivered and the stored actions are sent then
 * (at-least-once, with deterministic ids for responder-service to de-duplicate). A failure nacks the record into
 * the dead letter topic.
 *
 * <p>Deciding, as {@value #DECIDING_TIMER} measures it, spans from this consumer receiving the deserialized record
 * to the ActionDecided records handed to the Kafka producer: checking the record, the conversation's state, the
 * workspace's settings, the rules, and storing the decision with the conversation's next state (committed). It
 * leaves out the broker's acknowledgement and noting it ({@code emitted_at}).
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

    private final DecisionService decisions;
    private final ActionPublisher publisher;
    private final Timer deciding;
    private final Timer decidingCpu;

    public ClassifiedMessageConsumer(DecisionService decisions, ActionPublisher publisher, MeterRegistry registry) {
        this.decisions = decisions;
        this.publisher = publisher;
        this.deciding = DecidingBuckets.timer(DECIDING_TIMER, "time from receiving a classified event to its actions "
                + "handed to the Kafka producer, the decision committed in PostgreSQL", registry);
        this.decidingCpu = DecidingBuckets.timer(DECIDING_CPU_TIMER, "CPU time of this thread deciding on one "
                + "classified event, database driver included", registry);
    }

    @Incoming(CLASSIFIED_IN)
    @Blocking
    public void onClassified(MessageClassified message, IncomingKafkaRecordMetadata<String, ?> record) {
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        requireMessageClassified(message, record);
        // every log line about this message names it (trace ids come from OpenTelemetry)
        MDC.put("appId", message.appId());
        MDC.put("conversationId", message.conversationId());
        Optional<Decision> decided = decisions.decideOnce(message, record.getPartition());
        CompletableFuture<Void> acknowledged = decided.map(decision -> publisher.send(decision.actions()))
                .orElse(null);
        decidingCpu.record(THREADS.getCurrentThreadCpuTime() - cpuStart, TimeUnit.NANOSECONDS);
        deciding.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (acknowledged == null) {
            LOG.debugf("nothing to send for event %s", message.eventId());
            return;
        }
        Decision decision = decided.get();
        acknowledged.join();
        decisions.markEmitted(decision);
        LOG.infof("%s with %d action(s) in conversation %s (event %s): %s", decision.outcome(),
                decision.actions().size(), message.conversationId(), message.eventId(), decision.reason());
    }

    /** Rejects what is not a MessageClassified (unreadable JSON, another event type) into the dead letter topic. */
    private static void requireMessageClassified(MessageClassified message,
            IncomingKafkaRecordMetadata<String, ?> record) {
        String position = record.getTopic() + "-" + record.getPartition() + "@" + record.getOffset();
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
