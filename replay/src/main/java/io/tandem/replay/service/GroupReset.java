package io.tandem.replay.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import io.tandem.replay.ReplayException;
import io.tandem.replay.kafka.Kafka;
import io.tandem.replay.stage.Stage;

/**
 * Moves a live stage's consumer group back (or forward) to a time, so the stopped stage re-reads its input from
 * there when it starts again. The stages' idempotent consumers make this safe: what was already done is recognised
 * by event id and not done twice. Kafka refuses to move an active group's offsets, so the stage must be stopped.
 */
public final class GroupReset {

    private final String bootstrapServers;
    private final PrintStream out;

    public GroupReset(String bootstrapServers, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.out = out;
    }

    /**
     * @param confirmation where a "yes" is read from; null when {@code --yes} was given
     * @return whether the offsets were moved (false: not confirmed)
     */
    public boolean run(Stage stage, Instant to, BufferedReader confirmation) {
        String group = stage.liveGroup();
        String topic = stage.inputTopic();
        try (Kafka kafka = new Kafka(bootstrapServers)) {
            ConsumerGroupDescription description;
            try {
                description = Kafka.await(kafka.admin().describeConsumerGroups(java.util.List.of(group))
                        .describedGroups().get(group));
            } catch (ReplayException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    description = null;
                } else {
                    throw e;
                }
            }
            if (description != null && !description.members().isEmpty()) {
                throw new ReplayException(String.format(Locale.ROOT, "%s's consumer group '%s' has %d active"
                        + " member(s): stop every %s first (Kafka refuses to reset the offsets of an active group),"
                        + " then run this again", stage.module(), group, description.members().size(),
                        stage.module()));
            }
            Map<TopicPartition, OffsetAndMetadata> current = Kafka.await(
                    kafka.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
            Map<TopicPartition, Long> target = new TreeMap<>(java.util.Comparator.comparingInt(TopicPartition::partition));
            target.putAll(kafka.offsetsAt(topic, to));
            out.printf(Locale.ROOT, "reset %s's consumer group '%s' on %s to %s:%n", stage.module(), group, topic, to);
            long again = 0;
            for (Map.Entry<TopicPartition, Long> entry : target.entrySet()) {
                OffsetAndMetadata now = current.get(entry.getKey());
                long from = now == null ? -1 : now.offset();
                if (from >= 0) {
                    again += Math.max(0, from - entry.getValue());
                }
                out.printf(Locale.ROOT, "  partition %d: %s -> %d%n", entry.getKey().partition(),
                        from < 0 ? "(none)" : Long.toString(from), entry.getValue());
            }
            out.printf(Locale.ROOT, "  %d record(s) will be read again; the stage's idempotent consumer skips what it"
                    + " has already done%n", again);
            if (confirmation != null && !confirmed(confirmation)) {
                out.println("  not reset");
                return false;
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            target.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
            try {
                Kafka.await(kafka.admin().alterConsumerGroupOffsets(group, offsets).all());
            } catch (ReplayException e) {
                throw new ReplayException("Kafka refused to reset '" + group + "' (" + e.getMessage() + "): is "
                        + stage.module() + " still running? Stop it first", e);
            }
            out.println("  reset; start " + stage.module() + " again to re-read from there");
            return true;
        }
    }

    private boolean confirmed(BufferedReader in) {
        out.print("  reset? type 'yes' to go on: ");
        out.flush();
        try {
            String answer = in.readLine();
            return answer != null && answer.strip().equalsIgnoreCase("yes");
        } catch (IOException e) {
            return false;
        }
    }
}
