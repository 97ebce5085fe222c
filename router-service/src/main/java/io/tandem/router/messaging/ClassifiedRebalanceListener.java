package io.tandem.router.messaging;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.tandem.router.service.ConversationMemory;

/**
 * Forgets the conversations of partitions this instance no longer owns: another consumer may write them now, and
 * should they come back, their state is read from PostgreSQL (the version check would catch it anyway, one attempt
 * later).
 */
@ApplicationScoped
@Identifier(ClassifiedRebalanceListener.NAME)
public class ClassifiedRebalanceListener implements KafkaConsumerRebalanceListener {

    /** The name {@code mp.messaging.incoming.classified-in.consumer-rebalance-listener.name} refers to. */
    public static final String NAME = "router-service.classified-in.rebalance";

    private final ConversationMemory memory;

    public ClassifiedRebalanceListener(ConversationMemory memory) {
        this.memory = memory;
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        memory.forgetPartitions(partitions.stream().map(TopicPartition::partition).toList());
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }
}
