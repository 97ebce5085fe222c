package io.tandem.replay.kafka;

import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group has got on a topic. */
public final class GroupOffsets {

    private GroupOffsets() {
    }

    /** The records of {@code topic} the group has committed, counted from offset 0 (replay topics start there). */
    public static long committed(Kafka kafka, String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> offsets = Kafka.await(
                kafka.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        return offsets.entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                .mapToLong(entry -> entry.getValue().offset())
                .sum();
    }

    public static long records(Kafka kafka, String topic) {
        return kafka.endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }
}
