package io.tandem.replay.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a range of a topic by assigning its partitions and seeking (no consumer group: nothing is committed, no
 * live group is touched). The end is fixed when reading starts, so a busy topic does not keep it going.
 */
public final class RangeReader {

    private final Kafka kafka;

    public RangeReader(Kafka kafka) {
        this.kafka = kafka;
    }

    /** Where each partition's range starts and ends (exclusive). */
    public record Bounds(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {

        public long size() {
            return start.entrySet().stream().mapToLong(entry -> Math.max(0, end.get(entry.getKey()) - entry.getValue()))
                    .sum();
        }
    }

    public Bounds bounds(String topic, Range range) {
        Map<TopicPartition, Long> beginning = kafka.beginningOffsets(topic);
        Map<TopicPartition, Long> now = kafka.endOffsets(topic);
        Map<TopicPartition, Long> start = new HashMap<>();
        Map<TopicPartition, Long> end = new HashMap<>();
        Map<TopicPartition, Long> fromTime = range.from() == null ? null : kafka.offsetsAt(topic, range.from());
        Map<TopicPartition, Long> toTime = range.to() == null ? null : kafka.offsetsAt(topic, range.to());
        for (TopicPartition partition : now.keySet()) {
            long first = beginning.get(partition);
            long last = now.get(partition);
            long from = fromTime != null ? fromTime.get(partition)
                    : range.fromOffset() != null ? range.fromOffset() : first;
            long to = toTime != null ? toTime.get(partition) : range.toOffset() != null ? range.toOffset() : last;
            start.put(partition, Math.min(Math.max(from, first), last));
            end.put(partition, Math.max(Math.min(to, last), Math.min(Math.max(from, first), last)));
        }
        return new Bounds(start, end);
    }

    /**
     * Hands every record of the range that the filter keeps to {@code sink}, partition by partition in offset
     * order.
     *
     * @return how many records the range held (kept or not)
     */
    public long read(String topic, Bounds bounds, RecordFilter filter, Consumer<ConsumerRecord<String, byte[]>> sink) {
        long seen = 0;
        try (KafkaConsumer<String, byte[]> consumer = kafka.reader()) {
            List<TopicPartition> open = new ArrayList<>();
            for (TopicPartition partition : bounds.start().keySet()) {
                if (bounds.end().get(partition) > bounds.start().get(partition)) {
                    open.add(partition);
                }
            }
            consumer.assign(open);
            open.forEach(partition -> consumer.seek(partition, bounds.start().get(partition)));
            while (!open.isEmpty()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (!open.contains(partition) || record.offset() >= bounds.end().get(partition)) {
                        continue;
                    }
                    seen++;
                    if (filter.matches(record)) {
                        sink.accept(record);
                    }
                }
                boolean finished = open.removeIf(partition ->
                        consumer.position(partition) >= bounds.end().get(partition));
                if (finished && !open.isEmpty()) {
                    consumer.assign(open);
                }
            }
        }
        return seen;
    }

    /** Every record of the range that the filter keeps. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic, Range range, RecordFilter filter) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        read(topic, bounds(topic, range), filter, records::add);
        return records;
    }
}
