package io.tandem.classifier.persistence;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The ids of consumed events (Debezium's MessageLog): written in the transaction of the effect, so an event is
 * processed once however often it is delivered.
 */
@ApplicationScoped
public class ProcessedEventRepository {

    private final EntityManager entityManager;

    ProcessedEventRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records the event as processed. A concurrent transaction recording the same id makes this one wait for it.
     *
     * @return false when it was processed before
     */
    public boolean markProcessed(String eventId, Instant now) {
        int inserted = entityManager
                .createNativeQuery("INSERT INTO classifier.processed_event (event_id, processed_at) VALUES (?1, ?2)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, eventId)
                .setParameter(2, now)
                .executeUpdate();
        return inserted == 1;
    }
}
