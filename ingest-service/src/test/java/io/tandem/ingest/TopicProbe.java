package io.tandem.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The records written to a topic since the probe was taken. The service answers only after Kafka acknowledged,
 * so once a request returned, what it published is already there: no polling, no waiting for absence.
 */
public final class TopicProbe {

    private static final Map<String, KafkaCompanion> COMPANIONS = new HashMap<>();

    private final KafkaCompanion companion;
    private final String topic;
    private final Map<TopicPartition, Long> start;

    private TopicProbe(KafkaCompanion companion, String topic) {
        this.companion = companion;
        this.topic = topic;
        this.start = endOffsets(companion, topic);
    }

    /** On the Kafka the tests share ({@code kafka.bootstrap.servers}). */
    public static TopicProbe at(String topic) {
        return at(topic, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    public static TopicProbe at(String topic, String bootstrapServers) {
        return new TopicProbe(companion(bootstrapServers), topic);
    }

    /** Records since the probe was taken, with this key. */
    public List<ConsumerRecord<String, String>> recordsWithKey(String key) {
        return records().stream().filter(record -> key.equals(record.key())).toList();
    }

    public List<ConsumerRecord<String, String>> records() {
        Map<TopicPartition, Long> end = endOffsets(companion, topic);
        long count = end.entrySet().stream().mapToLong(e -> e.getValue() - start.getOrDefault(e.getKey(), 0L)).sum();
        if (count == 0) {
            return List.of();
        }
        return companion.consumeStrings().fromOffsets(start, count).awaitCompletion(Duration.ofSeconds(10))
                .getRecords();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaCompanion.getHeader(record.headers(), name);
    }

    private static Map<TopicPartition, Long> endOffsets(KafkaCompanion companion, String topic) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        companion.topics().describe(topic).get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return companion.offsets().list(latest).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static synchronized KafkaCompanion companion(String bootstrapServers) {
        return COMPANIONS.computeIfAbsent(bootstrapServers, KafkaCompanion::new);
    }
}
