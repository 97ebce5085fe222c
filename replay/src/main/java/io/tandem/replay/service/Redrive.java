package io.tandem.replay.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.tandem.replay.ReplayException;
import io.tandem.replay.kafka.Kafka;
import io.tandem.replay.kafka.RecordFilter;
import io.tandem.replay.stage.Progress;
import io.tandem.replay.stage.Stage;

/**
 * Re-drives a dead letter topic's records into a stage's input topic, after the fix: same key, same headers (without
 * the ones SmallRye added when dead-lettering), the original bytes. Reads with the group
 * {@code tandem-redrive-<dead letter topic>}, committing after each batch is acknowledged, so each record is
 * re-driven once however often the command runs; the stage's idempotent consumer absorbs a batch sent twice after a
 * crash.
 */
public final class Redrive {

    /** Headers SmallRye's dead letter queue adds; the re-driven record goes without them. */
    static final List<String> DEAD_LETTER_HEADER_PREFIXES = List.of("dead-letter-", "deserialization-failure-");
    /** Where SmallRye keeps a record's original bytes when they could not be deserialized. */
    static final String ORIGINAL_DATA_HEADER = "deserialization-failure-data";

    private final String bootstrapServers;
    private final java.io.PrintStream out;

    public Redrive(String bootstrapServers, java.io.PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.out = out;
    }

    public static String group(String deadLetterTopic) {
        return "tandem-redrive-" + deadLetterTopic;
    }

    /**
     * @param target the topic to re-drive into; null: the stage whose dead letter topic it is
     * @return how many records were re-driven
     */
    public long run(String deadLetterTopic, String target, RecordFilter filter) {
        String into = target;
        if (into == null) {
            Stage stage = Stage.ofDeadLetterTopic(deadLetterTopic);
            if (stage == null) {
                throw new ReplayException("--dlq " + deadLetterTopic + " is not a stage's dead letter topic; name the"
                        + " stage with --to-stage");
            }
            into = stage.inputTopic();
        }
        try (Kafka kafka = new Kafka(bootstrapServers);
                KafkaConsumer<String, byte[]> consumer = kafka.consumer(group(deadLetterTopic));
                KafkaProducer<String, byte[]> producer = kafka.producer()) {
            List<TopicPartition> partitions = kafka.partitions(deadLetterTopic);
            Map<TopicPartition, Long> end = kafka.endOffsets(deadLetterTopic);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions),
                    Duration.ofSeconds(20));
            long pending = 0;
            Map<TopicPartition, Long> beginning = kafka.beginningOffsets(deadLetterTopic);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata at = committed.get(partition);
                pending += end.get(partition) - (at == null ? beginning.get(partition) : at.offset());
            }
            out.printf(Locale.ROOT, "redrive %s -> %s (group %s): %d record(s) not re-driven yet%n", deadLetterTopic,
                    into, group(deadLetterTopic), pending);
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata at = committed.get(partition);
                consumer.seek(partition, at == null ? beginning.get(partition) : at.offset());
            }
            Progress progress = new Progress(out, "re-driven", pending, Duration.ofSeconds(2));
            long seen = 0;
            long redriven = 0;
            while (!caughtUp(consumer, partitions, end)) {
                Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
                List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    seen++;
                    next.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    if (filter.matches(record)) {
                        sent.add(producer.send(redriven(record, into)));
                        redriven++;
                    }
                }
                producer.flush();
                for (java.util.concurrent.Future<?> ack : sent) {
                    try {
                        ack.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new ReplayException("could not write to " + into + ": " + e.getCause().getMessage(),
                                e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ReplayException("interrupted", e);
                    }
                }
                if (!next.isEmpty()) {
                    consumer.commitSync(next);
                }
                progress.update(seen);
            }
            progress.finish(seen);
            out.printf(Locale.ROOT, "  %d record(s) re-driven into %s%s%n", redriven, into,
                    seen > redriven ? " (" + (seen - redriven) + " left out by the filter, and marked done)" : "");
            return redriven;
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> end) {
        return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
    }

    static ProducerRecord<String, byte[]> redriven(ConsumerRecord<String, byte[]> record, String topic) {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = record.value();
        for (Header header : record.headers()) {
            if (value == null && ORIGINAL_DATA_HEADER.equals(header.key())) {
                value = header.value();
            }
            if (DEAD_LETTER_HEADER_PREFIXES.stream().noneMatch(prefix -> header.key().startsWith(prefix))) {
                headers.add(header);
            }
        }
        return new ProducerRecord<>(topic, null, record.key(), value, headers);
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
