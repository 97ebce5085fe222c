package io.tandem.router.messaging;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.tandem.router.persistence.DecisionWriter;
import io.tandem.router.service.ConversationMemory;
import io.tandem.router.service.RecoveringPartitions;

/**
 * Hands partitions over cleanly. Before a partition goes, this instance's decisions still on their way to
 * PostgreSQL are stored, so that its next owner finds them, and the conversations of the partition are forgotten:
 * another consumer may write them now, and should they come back, their state is read again. A partition given to
 * this instance starts out recovering ({@link RecoveringPartitions}), its conversations forgotten again.
 */
@ApplicationScoped
@Identifier(ClassifiedRebalanceListener.NAME)
public class ClassifiedRebalanceListener implements KafkaConsumerRebalanceListener {

    /** The name {@code mp.messaging.incoming.classified-in.consumer-rebalance-listener.name} refers to. */
    public static final String NAME = "router-service.classified-in.rebalance";

    private final ConversationMemory memory;
    private final RecoveringPartitions recovering;
    private final DecisionWriter writer;

    public ClassifiedRebalanceListener(ConversationMemory memory, RecoveringPartitions recovering,
            DecisionWriter writer) {
        this.memory = memory;
        this.recovering = recovering;
        this.writer = writer;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<Integer> numbers = numbers(partitions);
        // a decision that finished after the revocation may have put a conversation of these back: read them again
        memory.forgetPartitions(numbers);
        recovering.recover(numbers);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        writer.flush();
        List<Integer> numbers = numbers(partitions);
        memory.forgetPartitions(numbers);
        recovering.recover(numbers);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }

    private static List<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).toList();
    }
}
