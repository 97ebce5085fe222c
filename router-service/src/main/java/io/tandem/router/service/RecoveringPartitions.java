package io.tandem.router.service;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which partitions of {@code conversation.classified} this instance has caught up on since it was given them.
 *
 * <p>A partition starts out recovering: its first records may have been decided before (by this instance before a
 * restart, or by the previous owner) but not committed in Kafka, because a record is acknowledged only once its
 * decision is stored. While a partition recovers, deciding looks each event up in the decision log first. The first
 * event found undecided settles it: decisions are stored in the order their records came, so every later record of
 * the partition is new too, and deciding no longer asks PostgreSQL about it.
 */
@ApplicationScoped
public class RecoveringPartitions {

    private final Set<Integer> settled = ConcurrentHashMap.newKeySet();

    public boolean isSettled(int partition) {
        return settled.contains(partition);
    }

    /** The first event of the partition found undecided: the rest are new. */
    public void settle(int partition) {
        if (partition >= 0) {
            settled.add(partition);
        }
    }

    /** The partitions were given to this instance or taken away: what comes next may have been decided before. */
    public void recover(Collection<Integer> partitions) {
        settled.removeAll(partitions);
    }
}
