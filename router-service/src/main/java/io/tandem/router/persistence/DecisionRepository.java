package io.tandem.router.persistence;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<DecisionEntity, String> {

    /**
     * Inserts the decision, not yet emitted, unless one exists for the same event. Race-safe: a concurrent
     * insert of the same id waits for the other transaction and then does nothing.
     *
     * @return whether this call inserted it
     */
    public boolean insertIfAbsent(DecisionEntity decision) {
        int inserted = getEntityManager().createNativeQuery("""
                INSERT INTO {h-schema}decision
                    (classified_event_id, app_id, conversation_id, reason, actions, decided_at)
                VALUES (:id, :appId, :conversationId, :reason, CAST(:actions AS jsonb), :decidedAt)
                ON CONFLICT (classified_event_id) DO NOTHING
                """)
                .setParameter("id", decision.classifiedEventId)
                .setParameter("appId", decision.appId)
                .setParameter("conversationId", decision.conversationId)
                .setParameter("reason", decision.reason)
                .setParameter("actions", decision.actions)
                .setParameter("decidedAt", decision.decidedAt)
                .executeUpdate();
        return inserted == 1;
    }

    public void markEmitted(String classifiedEventId, Instant emittedAt) {
        update("emittedAt = ?1 where classifiedEventId = ?2 and emittedAt is null", emittedAt, classifiedEventId);
    }
}
